using CloudMgmt.Adapters.Conformance;
using CloudMgmt.Adapters.Ec2.Tests.Fake;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Ec2.Tests;

/// <summary>The shared adapter conformance suite, run against the production EC2 adapter talking to the fake EC2 endpoint.</summary>
public sealed class Ec2ConformanceTests : AdapterConformanceTests, IClassFixture<FakeEc2Fixture>
{
    public Ec2ConformanceTests(FakeEc2Fixture fixture)
    {
        Adapter = fixture.Adapter();
        Backdoor = new Ec2Backdoor(fixture.State);
    }

    protected override ICloudAdapter Adapter { get; }

    protected override IConformanceBackdoor Backdoor { get; }

    /// <summary>Acts on the fake's reservations directly, as an operator with the EC2 console would.</summary>
    private sealed class Ec2Backdoor(FakeEc2State state) : IConformanceBackdoor
    {
        /// <summary>More vCPUs than a zone of the fake has room for (512 each).</summary>
        public ResourceVector MoreThanAnyZone => ResourceVector.Of(4096, 16384);

        /// <summary>Exactly one m5.large, so grants cover it without spare.</summary>
        public ResourceVector Small => ResourceVector.Of(2, 8);

        public Task ChangeGrantAsync(GrantRef grant, ResourceVector granted)
        {
            // An operator swaps the grant's reservations for m5.large ones of the given size, keeping their tags.
            var active = state.ActiveOf(grant.AllocationId);
            active.ForEach(r => state.Cancel(r.Id));
            state.Add("m5.large", active[0].Zone, (int)(granted[ResourceNames.Vcpu] / 2), active[0].Tags);
            return Task.CompletedTask;
        }

        public Task DeleteGrantAsync(GrantRef grant)
        {
            state.ActiveOf(grant.AllocationId).ForEach(r => state.Cancel(r.Id));
            return Task.CompletedTask;
        }

        public Task CreateOrphanAsync(GrantRef grant, ResourceVector granted)
        {
            state.Add("m5.large", FakeCatalogue.Zones[0], (int)(granted[ResourceNames.Vcpu] / 2), ManagementMarks.For(grant));
            return Task.CompletedTask;
        }

        public Task<int> CountObjectsAsync(GrantRef grant) => Task.FromResult(state.ActiveOf(grant.AllocationId).Count);

        public Task SetOutageAsync(bool down)
        {
            state.Outage = down;
            return Task.CompletedTask;
        }
    }
}
