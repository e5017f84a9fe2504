using CloudMgmt.Adapters.Ec2.Catalogue;
using CloudMgmt.Adapters.Ec2.Grants;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Ec2.Tests;

/// <summary>When reservations count as exactly the grant asked for, and when they are drift.</summary>
public sealed class GrantObserverTests
{
    private static readonly Dictionary<string, InstanceShape> Shapes = new()
    {
        ["m5.large"] = new("m5.large", 2, 8, 0, "x86_64"),
        ["m5.xlarge"] = new("m5.xlarge", 4, 16, 0, "x86_64"),
    };

    private static ReservationView Held(string id, string type, int total, int available, string? requested, string state = "active")
    {
        var tags = new Dictionary<string, string> { [ManagementMarks.Allocation] = "a1", [ManagementMarks.Tenant] = "health" };
        if (requested is not null)
        {
            tags[ReservationView.RequestedTag] = requested;
        }

        return new ReservationView(id, type, "test-1a", total, available, state, tags);
    }

    private static readonly Dictionary<string, (ReservationView[] Held, ResourceVector Granted)> Table = new()
    {
        // 3 vCPU asked, two m5.large hold 4: no instance is spare, so it is the grant asked for.
        ["minimal cover"] = ([Held("cr-1", "m5.large", 2, 2, "memoryGiB=8 vcpu=3")], ResourceVector.Of(3, 8)),
        // A third m5.large somebody added is spare: drift, reported as what is held.
        ["spare instance"] = ([Held("cr-1", "m5.large", 3, 3, "memoryGiB=8 vcpu=3")], ResourceVector.Of(6, 24)),
        // Too few: what is held.
        ["short"] = ([Held("cr-1", "m5.large", 1, 1, "memoryGiB=8 vcpu=3")], ResourceVector.Of(2, 8)),
        // No request tag (made by hand): what is held.
        ["untagged"] = ([Held("cr-1", "m5.xlarge", 1, 1, null)], ResourceVector.Of(4, 16)),
        // A resize cut short left two different request tags: what is held, and no crash.
        ["mixed tags"] = ([Held("cr-1", "m5.large", 1, 1, "memoryGiB=8 vcpu=2"), Held("cr-2", "m5.xlarge", 1, 1, "memoryGiB=24 vcpu=6")], ResourceVector.Of(6, 24)),
        // Cancelled reservations do not count.
        ["cancelled ignored"] = ([Held("cr-1", "m5.xlarge", 1, 1, "memoryGiB=16 vcpu=4"), Held("cr-0", "m5.xlarge", 5, 5, null, "cancelled")], ResourceVector.Of(4, 16)),
    };

    public static TheoryData<string> Cases => new(Table.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Observe_Reservations_GrantedIsTheRequestOnlyWhenNothingIsSpare(string scenario)
    {
        var (held, granted) = Table[scenario];
        var observed = GrantObserver.Observe(held, Shapes);

        Assert.True(granted.Equals(observed?.Granted), $"{scenario}: expected {granted}, observed {observed?.Granted}");
    }

    [Fact]
    public void Observe_RunningInstances_UsedIsTheirSizesCappedAtTheGrant()
    {
        var observed = GrantObserver.Observe([Held("cr-1", "m5.large", 2, 0, "memoryGiB=8 vcpu=3")], Shapes)!;

        Assert.Equal(ResourceVector.Of(3, 8), observed.Used); // 4 vCPU running, but the grant is 3
    }

    [Fact]
    public void Observe_OnlyCancelled_IsNothing() =>
        Assert.Null(GrantObserver.Observe([Held("cr-1", "m5.large", 2, 2, null, "cancelled")], Shapes));
}
