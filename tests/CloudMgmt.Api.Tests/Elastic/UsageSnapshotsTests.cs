using CloudMgmt.Adapters;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Reconciliation.Elastic;

namespace CloudMgmt.Api.Tests.Elastic;

public sealed class UsageSnapshotsTests
{
    private static GrantObservation Seen(string id, long used) =>
        new(id, "marked-tenant", "ext-" + id, ResourceVector.Of(("vcpu", 8)), ResourceVector.Of(("vcpu", used)), "zone-a", new Dictionary<string, string>());

    [Fact]
    public void Of_ListedGrants_KeepsOnlyWantedOnesWithTheControllersTenantAndPool()
    {
        var at = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
        DesiredGrant[] desired =
        [
            new("wanted", "health", "dept", ResourceVector.Of(("vcpu", 8)), Releasing: false),
            new("leaving", "health", "dept", ResourceVector.Of(("vcpu", 8)), Releasing: true),
            new("not-made-yet", "health", "dept", ResourceVector.Of(("vcpu", 8)), Releasing: false),
        ];
        var observed = new[] { Seen("wanted", 3), Seen("leaving", 1), Seen("leaked", 2) }.ToDictionary(o => o.AllocationId);

        var snapshot = UsageSnapshots.Of(at, desired, observed);

        var only = Assert.Single(snapshot.Grants);
        Assert.Equal(at, snapshot.At);
        Assert.Equal(("wanted", "health", "dept", 3L), (only.AllocationId, only.Tenant, only.Pool, only.Used["vcpu"]));
    }
}
