using CloudMgmt.Portal.Allocations;

namespace CloudMgmt.Portal.Tests.Allocations;

/// <summary>Which actions an allocation's page offers in each status (the domain's state machine decides).</summary>
public sealed class AllocationStatusesTests
{
    [Theory]
    [InlineData("Ready", true, true, false)]
    [InlineData("Admitted", true, true, false)]
    [InlineData("PendingApproval", false, true, false)]
    [InlineData("Pending", false, false, false)]
    [InlineData("Releasing", false, false, false)]
    [InlineData("Released", false, false, true)]
    [InlineData("Rejected", false, false, true)]
    [InlineData("Failed", false, false, true)]
    [InlineData("NoSuchStatus", false, false, false)]
    public void Actions_ByStatus(string status, bool resize, bool release, bool final)
    {
        Assert.Equal(resize, AllocationStatuses.CanResize(status));
        Assert.Equal(release, AllocationStatuses.CanRelease(status));
        Assert.Equal(final, AllocationStatuses.IsFinal(status));
    }
}
