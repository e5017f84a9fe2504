using CloudMgmt.Adapters.Ec2.Tests.Fake;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Ec2.Tests;

/// <summary>Paging, ClientToken idempotency, usage and drift as EC2 reports them.</summary>
public sealed class ProtocolTests(FakeEc2Fixture fixture) : IClassFixture<FakeEc2Fixture>
{
    [Fact]
    public async Task ListGrants_ManyReservations_FollowsNextTokenToTheLastPage()
    {
        var allocations = Enumerable.Range(0, 23).Select(i => $"alloc-paged-{i}-{Guid.NewGuid():N}").ToList();
        foreach (var id in allocations)
        {
            fixture.State.Add("m5.large", FakeCatalogue.Zones[0], 1, ManagementMarks.For(new GrantRef(id, new TenantRef("health", "dept"))));
        }

        var describesBefore = fixture.State.CallsOf("DescribeCapacityReservations");
        var listed = (await fixture.Adapter(Specs.Settings(("pageSize", "5"))).ListGrantsAsync(default)).Unwrap();
        var pages = fixture.State.CallsOf("DescribeCapacityReservations") - describesBefore;

        Assert.All(allocations, id => Assert.Contains(listed, g => g.AllocationId == id && g.Granted.Equals(ResourceVector.Of(2, 8))));
        Assert.True(pages >= 5, $"23 or more reservations in pages of 5 need at least 5 calls, saw {pages}");
        Assert.Contains(fixture.State.Calls, c => c.Action == "DescribeCapacityReservations" && c.Parameters.ContainsKey("NextToken"));
    }

    [Fact]
    public async Task ApplyGrant_RetriedAfterALostResponse_GetsTheSameReservationFromItsClientToken()
    {
        var spec = Specs.For(ResourceVector.Of(4, 16), "retry");
        var adapter = fixture.Adapter();
        fixture.State.LoseNextCreateResponse = true;
        fixture.State.HideNewFromNextDescribe = true; // the retry's listing does not show it yet, so only the token can save us
        try
        {
            var first = await adapter.ApplyGrantAsync(spec, default);
            var second = await adapter.ApplyGrantAsync(spec, default);

            Assert.Equal(AdapterErrorKind.Unavailable, first.Error?.Kind);
            Assert.True(first.Error!.Retryable);
            Assert.True(second.Succeeded, second.Error?.ToString());
            Assert.Single(fixture.State.ActiveOf(spec.Grant.AllocationId));
            var tokens = fixture.State.Calls.Where(c => c.Action == "CreateCapacityReservation" && c.Parameters["TagSpecifications.1.Tag.2.Value"] == spec.Grant.AllocationId)
                .Select(c => c.Parameters["ClientToken"]).ToList();
            Assert.Equal(2, tokens.Count);
            Assert.Single(tokens.Distinct());
            Assert.True(tokens[0].Length <= 64);
        }
        finally
        {
            fixture.State.HideNewFromNextDescribe = false;
        }
    }

    [Fact]
    public async Task ApplyGrant_AfterTheReservationWasCancelled_MakesANewOneWithANewToken()
    {
        var spec = Specs.For(ResourceVector.Of(2, 8), "again");
        var adapter = fixture.Adapter();
        var first = (await adapter.ApplyGrantAsync(spec, default)).Unwrap();
        fixture.State.Cancel(first.ExternalId);

        var second = (await adapter.ApplyGrantAsync(spec, default)).Unwrap();

        Assert.NotEqual(first.ExternalId, second.ExternalId);
        Assert.Equal("active", fixture.State.Reservations.Single(r => r.Id == second.ExternalId).State);
    }

    [Fact]
    public async Task ObserveGrant_InstancesLaunchedIntoTheReservation_ShowAsUsed()
    {
        var spec = Specs.For(ResourceVector.Of(8, 32), "usage");
        var adapter = fixture.Adapter(Specs.Settings(("instancePolicy", "family:m5"), ("prices", "m5.large=1")));
        var applied = (await adapter.ApplyGrantAsync(spec, default)).Unwrap();
        var reservation = fixture.State.ActiveOf(spec.Grant.AllocationId).Single();

        fixture.State.Launch(reservation.Id, 3);
        var observed = (await adapter.ObserveGrantAsync(spec.Grant, default)).Unwrap();

        Assert.Equal(("m5.large", 4), (reservation.InstanceType, reservation.Total));
        Assert.True(applied.Used.IsZero);
        Assert.Equal(ResourceVector.Of(6, 24), observed.Used);
        Assert.Equal(spec.Resources, observed.Granted);
        Assert.Equal("health", observed.TenantId);
        Assert.Equal("dept", observed.Marks[ManagementMarks.Pool]);
    }

    [Fact]
    public async Task ObserveGrant_SpareInstancesAddedByHand_IsDriftAndApplyTakesThemAway()
    {
        var spec = Specs.For(ResourceVector.Of(4, 16), "spare");
        var adapter = fixture.Adapter(Specs.Settings(("instancePolicy", "family:m5"), ("prices", "m5.large=1")));
        await adapter.ApplyGrantAsync(spec, default);
        var reservation = fixture.State.ActiveOf(spec.Grant.AllocationId).Single();
        fixture.State.SetTotal(reservation.Id, 3);

        var drifted = (await adapter.ObserveGrantAsync(spec.Grant, default)).Unwrap();
        var repaired = (await adapter.ApplyGrantAsync(spec, default)).Unwrap();

        Assert.Equal(ResourceVector.Of(6, 24), drifted.Granted);
        Assert.Equal(spec.Resources, repaired.Granted);
        Assert.Equal(2, reservation.Total);
    }

    [Fact]
    public async Task ResizeGrant_ToAnotherShape_SwapsReservationsAndRetagsTheKeptOnes()
    {
        var spec = Specs.For(ResourceVector.Of(4, 16), "reshape");
        var adapter = fixture.Adapter();
        await adapter.ApplyGrantAsync(spec, default);
        var bigger = spec with { Resources = ResourceVector.Of(6, 20) };

        var resized = (await adapter.ResizeGrantAsync(bigger, default)).Unwrap();

        Assert.Equal(bigger.Resources, resized.Granted);
        var active = fixture.State.ActiveOf(spec.Grant.AllocationId);
        Assert.Equal(["c5.large", "m5.xlarge"], active.Select(r => r.InstanceType).Order());
        Assert.All(active, r => Assert.Equal("memoryGiB=20 vcpu=6", r.Tags["cloudmgmt.io/requested"]));
    }
}
