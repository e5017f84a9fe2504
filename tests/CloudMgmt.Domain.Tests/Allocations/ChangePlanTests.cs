using CloudMgmt.Domain.Allocations;
using CloudMgmt.Domain.Resources;
using static CloudMgmt.Domain.Allocations.ChangeStep;

namespace CloudMgmt.Domain.Tests.Allocations;

public sealed class ChangePlanTests
{
    private static readonly ResourceVector Small = ResourceVector.Of(2, 8);
    private static readonly ResourceVector Large = ResourceVector.Of(6, 16);
    private static readonly ResourceVector Mixed = ResourceVector.Of(6, 4);

    [Fact]
    public void Resize_GrowthOnACloud_HoldsTheCloudBeforeThePathAndRecordsTheIntentFirst()
    {
        var plan = ChangePlan.Resize(Small, Large, onCloud: true);

        Assert.Equal([RecordIntent, HoldOnCloud, GrowPath, Commit], plan.Steps);
        Assert.Equal(Large, plan.AmountOf(HoldOnCloud));
    }

    [Fact]
    public void Resize_MixedChange_ShrinksToTheFloorBeforeGrowing()
    {
        var plan = ChangePlan.Resize(Small, Mixed, onCloud: false);

        Assert.Equal([RecordIntent, ShrinkPath, GrowPath, Commit], plan.Steps);
        Assert.Equal(ResourceVector.Of(2, 4), plan.AmountOf(ShrinkPath));
        Assert.Equal(Mixed, plan.AmountOf(GrowPath));
    }

    [Fact]
    public void Recovery_OfAResizeOnACloud_SetsCloudAndPathToTheFloor()
    {
        var recovery = ChangePlan.Recovery(ChangeKind.Resize, Small, Mixed, onCloud: true);

        Assert.Equal([HoldOnCloud, ShrinkPath, Commit], recovery.Steps);
        Assert.Equal(ResourceVector.Of(2, 4), recovery.To);
        Assert.Equal(ResourceVector.Of(2, 4), recovery.AmountOf(HoldOnCloud));
        Assert.Equal(ResourceVector.Of(2, 4), recovery.AmountOf(ShrinkPath));
    }

    [Theory]
    [InlineData(ChangeKind.Release, false, new[] { ReturnQuota, Commit })]
    [InlineData(ChangeKind.Release, true, new[] { MarkReleasing, Commit })]
    [InlineData(ChangeKind.Reject, false, new[] { ReturnQuota, Commit })]
    [InlineData(ChangeKind.Fail, false, new[] { ReturnQuota, Commit })]
    public void Recovery_OfAReleaseRejectOrFailure_CarriesEveryStepAfterTheIntentForward(ChangeKind kind, bool onCloud, ChangeStep[] expected)
    {
        Assert.Equal(expected, ChangePlan.Recovery(kind, Small, ResourceVector.Zero, onCloud).Steps);
    }
}
