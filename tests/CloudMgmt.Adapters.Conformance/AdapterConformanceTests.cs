using CloudMgmt.Domain.Resources;
using Xunit;

namespace CloudMgmt.Adapters.Conformance;

/// <summary>
/// The behaviour every adapter must have. An adapter's test project derives from this class and
/// provides the adapter under test and a back door to the same cloud; the tests here then run
/// against it unchanged.
/// </summary>
public abstract class AdapterConformanceTests
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    protected abstract ICloudAdapter Adapter { get; }

    protected abstract IConformanceBackdoor Backdoor { get; }

    protected GrantRef Grant(string name) => new($"alloc-{_run}-{name}", new TenantRef($"tenant-{_run}", "pool-conformance"));

    protected GrantSpec Spec(GrantRef grant, ResourceVector resources) => new(grant, resources, null, new Dictionary<string, string>());

    [Fact]
    public async Task ApplyGrant_Twice_MakesOneObjectWithSameExternalId()
    {
        var grant = Grant("apply-twice");
        var first = (await Adapter.ApplyGrantAsync(Spec(grant, Backdoor.Small), default)).Unwrap();
        var second = (await Adapter.ApplyGrantAsync(Spec(grant, Backdoor.Small), default)).Unwrap();

        Assert.Equal(first.ExternalId, second.ExternalId);
        Assert.Equal(1, await Backdoor.CountObjectsAsync(grant));
        Assert.Equal(Backdoor.Small, second.Granted);
        Assert.Equal(grant.AllocationId, second.Marks[ManagementMarks.Allocation]);
    }

    [Fact]
    public async Task ResizeGrant_UpThenDown_ObservedGrantFollows()
    {
        var grant = Grant("resize");
        await Adapter.ApplyGrantAsync(Spec(grant, Backdoor.Small), default);
        var bigger = Backdoor.Small + Backdoor.Small;

        var up = (await Adapter.ResizeGrantAsync(Spec(grant, bigger), default)).Unwrap();
        var afterUp = (await Adapter.ObserveGrantAsync(grant, default)).Unwrap();
        var down = (await Adapter.ResizeGrantAsync(Spec(grant, Backdoor.Small), default)).Unwrap();

        Assert.Equal(bigger, up.Granted);
        Assert.Equal(bigger, afterUp.Granted);
        Assert.Equal(Backdoor.Small, down.Granted);
        Assert.Equal(1, await Backdoor.CountObjectsAsync(grant));
    }

    [Fact]
    public async Task ResizeGrant_Missing_IsNotFound()
    {
        var result = await Adapter.ResizeGrantAsync(Spec(Grant("resize-missing"), Backdoor.Small), default);
        Assert.Equal(AdapterErrorKind.NotFound, result.Error?.Kind);
    }

    [Fact]
    public async Task ReleaseGrant_Twice_BothSucceedAndGrantIsGone()
    {
        var grant = Grant("release");
        await Adapter.ApplyGrantAsync(Spec(grant, Backdoor.Small), default);

        Assert.True((await Adapter.ReleaseGrantAsync(grant, default)).Succeeded);
        Assert.True((await Adapter.ReleaseGrantAsync(grant, default)).Succeeded);
        Assert.Equal(AdapterErrorKind.NotFound, (await Adapter.ObserveGrantAsync(grant, default)).Error?.Kind);
        Assert.Equal(0, await Backdoor.CountObjectsAsync(grant));
    }

    [Fact]
    public async Task ObserveGrant_AfterOutOfBandChange_ShowsWhatTheCloudHas()
    {
        var grant = Grant("drift");
        await Adapter.ApplyGrantAsync(Spec(grant, Backdoor.Small + Backdoor.Small), default);

        await Backdoor.ChangeGrantAsync(grant, Backdoor.Small);

        Assert.Equal(Backdoor.Small, (await Adapter.ObserveGrantAsync(grant, default)).Unwrap().Granted);
        var repaired = (await Adapter.ApplyGrantAsync(Spec(grant, Backdoor.Small + Backdoor.Small), default)).Unwrap();
        Assert.Equal(Backdoor.Small + Backdoor.Small, repaired.Granted);
    }

    [Fact]
    public async Task ObserveGrant_DeletedOutOfBand_IsNotFoundAndApplyRecreatesIt()
    {
        var grant = Grant("deleted");
        await Adapter.ApplyGrantAsync(Spec(grant, Backdoor.Small), default);

        await Backdoor.DeleteGrantAsync(grant);

        Assert.Equal(AdapterErrorKind.NotFound, (await Adapter.ObserveGrantAsync(grant, default)).Error?.Kind);
        Assert.True((await Adapter.ApplyGrantAsync(Spec(grant, Backdoor.Small), default)).Succeeded);
        Assert.Equal(1, await Backdoor.CountObjectsAsync(grant));
    }

    [Fact]
    public async Task ListGrants_FindsOursAndTheOrphanByTheirMarks()
    {
        var ours = Grant("listed");
        var orphan = Grant("orphan");
        await Adapter.ApplyGrantAsync(Spec(ours, Backdoor.Small), default);
        await Backdoor.CreateOrphanAsync(orphan, Backdoor.Small);

        var listed = (await Adapter.ListGrantsAsync(default)).Unwrap();

        Assert.Contains(listed, g => g.AllocationId == ours.AllocationId && g.Marks[ManagementMarks.Managed] == "true");
        Assert.Contains(listed, g => g.AllocationId == orphan.AllocationId && g.TenantId == orphan.Tenant.TenantId);
    }

    [Fact]
    public async Task Calls_DuringOutage_FailAsRetryableUnavailable()
    {
        await Backdoor.SetOutageAsync(true);
        try
        {
            var result = await Adapter.ApplyGrantAsync(Spec(Grant("outage"), Backdoor.Small), default);
            Assert.Equal(AdapterErrorKind.Unavailable, result.Error?.Kind);
            Assert.True(result.Error!.Retryable);
        }
        finally
        {
            await Backdoor.SetOutageAsync(false);
        }
    }

    [Fact]
    public async Task ApplyGrant_BeyondCapacity_IsInsufficientCapacityAndNotRetryable()
    {
        var result = await Adapter.ApplyGrantAsync(Spec(Grant("too-big"), Backdoor.MoreThanAnyZone), default);

        Assert.Equal(AdapterErrorKind.InsufficientCapacity, result.Error?.Kind);
        Assert.False(result.Error!.Retryable);
        Assert.Equal(0, await Backdoor.CountObjectsAsync(Grant("too-big")));
    }

    [Fact]
    public async Task EnsureTenantSpace_Twice_ReturnsTheSameSpace()
    {
        var tenant = Grant("space").Tenant;
        var first = (await Adapter.EnsureTenantSpaceAsync(tenant, default)).Unwrap();
        var second = (await Adapter.EnsureTenantSpaceAsync(tenant, default)).Unwrap();

        Assert.Equal(first.ExternalId, second.ExternalId);
    }

    [Fact]
    public async Task DescribeCapacity_ReportsZonesWithArchitecture()
    {
        var capacity = (await Adapter.DescribeCapacityAsync(default)).Unwrap();

        Assert.NotEmpty(capacity.Slices);
        Assert.All(capacity.Slices, s => Assert.False(string.IsNullOrEmpty(s.Zone) || string.IsNullOrEmpty(s.Architecture)));
        Assert.False(capacity.Total.IsZero);
        Assert.True((await Adapter.CheckHealthAsync(default)).Unwrap().Healthy);
    }
}
