using CloudMgmt.Application.Pools;
using CloudMgmt.Portal.Pools;

namespace CloudMgmt.Portal.Tests.Pools;

/// <summary>An operator's pool edit sends only what changed, so the rest of the pool stays as it is.</summary>
public sealed class PoolEditTests
{
    private static readonly PoolResponse Pool = new(
        "health", "province", "Health", new Dictionary<string, long> { ["vcpu"] = 64, ["memoryGiB"] = 256 }, null, null,
        new Dictionary<string, long> { ["vcpu"] = 8 }, new Dictionary<string, long> { ["vcpu"] = 64, ["memoryGiB"] = 256 }, null, null, null);

    [Fact]
    public void ToRequest_NothingTouched_ChangesNothing()
    {
        var edit = new PoolEdit(Pool);

        Assert.False(edit.HasChanges);
        Assert.Equal(new UpdatePoolRequest(null, null, null, null, null), edit.ToRequest());
    }

    [Fact]
    public void ToRequest_OneQuotaAmountChanged_SendsTheWholeQuotaAndNothingElse()
    {
        var edit = new PoolEdit(Pool);
        edit.Values["quota"]["vcpu"] = 80;

        var request = edit.ToRequest();

        Assert.True(edit.HasChanges);
        Assert.Equal(new Dictionary<string, long> { ["vcpu"] = 80, ["memoryGiB"] = 256 }, request.Quota);
        Assert.Null(request.ApprovalThreshold);
        Assert.Null(request.BorrowingLimit);
        Assert.Null(request.DisplayName);
    }

    [Fact]
    public void ToRequest_ThresholdCleared_SendsItEmpty()
    {
        var edit = new PoolEdit(Pool);
        edit.Values["approvalThreshold"]["vcpu"] = null;

        Assert.Equal(new Dictionary<string, long>(), edit.ToRequest().ApprovalThreshold);
    }

    [Fact]
    public void ToRequest_NewLimitAndName_Sent()
    {
        var edit = new PoolEdit(Pool) { DisplayName = "卫健委 Health" };
        edit.Values["borrowingLimit"]["gpu"] = 2;

        var request = edit.ToRequest();

        Assert.Equal("卫健委 Health", request.DisplayName);
        Assert.Equal(new Dictionary<string, long> { ["gpu"] = 2 }, request.BorrowingLimit);
    }
}
