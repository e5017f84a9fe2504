using CloudMgmt.Adapters.Ec2.Catalogue;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Ec2.Grants;

/// <summary>
/// Turns the active reservations of one allocation into what the controller sees of its grant.
/// Instances come in fixed sizes, so reservations usually hold a little more than was asked for. The
/// controller compares the observed grant with what it wants, exactly; so the grant is reported as
/// the request (tagged on the reservations) when the reservations cover it and none of their
/// instances could go without leaving it uncovered: what the policy itself would make. Anything else
/// (too few instances, or spare ones somebody added) is reported as the instance sizes summed, which
/// the controller sees as drift and repairs. Used is the sizes times the instances running in the
/// reservations (total minus available), capped at the grant.
/// </summary>
internal static class GrantObserver
{
    public static GrantObservation? Observe(IReadOnlyList<ReservationView> reservations, IReadOnlyDictionary<string, InstanceShape> shapes)
    {
        var active = reservations.Where(r => r.IsActive).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        if (active.Count == 0 || active[0].AllocationId is not { } allocation)
        {
            return null;
        }

        var reserved = Sum(active, r => r.Total, shapes);
        var used = Sum(active, r => r.InUse, shapes);
        var asked = active.Select(r => r.Requested).Distinct().ToList(); // two answers: a resize was cut short between its calls
        var requested = asked.Count == 1 ? asked[0] : null;
        var granted = requested is not null && IsMinimalCover(active, requested, reserved, shapes) ? requested : reserved;
        var marks = active[0].Tags;
        return new GrantObservation(allocation, marks.GetValueOrDefault(ManagementMarks.Tenant, ""), string.Join("+", active.Select(r => r.Id)),
            granted, ResourceVector.Min(used, granted), active[0].Zone, marks);
    }

    /// <summary>The grants of many allocations, one per allocation mark.</summary>
    public static IReadOnlyList<GrantObservation> ObserveAll(IEnumerable<ReservationView> reservations, IReadOnlyDictionary<string, InstanceShape> shapes) =>
        reservations.Where(r => r.IsActive && r.AllocationId is not null)
            .GroupBy(r => r.AllocationId!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Observe(g.ToList(), shapes)).OfType<GrantObservation>().ToList();

    private static bool IsMinimalCover(
        IReadOnlyList<ReservationView> active, ResourceVector requested, ResourceVector reserved, IReadOnlyDictionary<string, InstanceShape> shapes) =>
        requested.FitsWithin(reserved)
        && active.All(r => shapes.ContainsKey(r.InstanceType))
        && active.Select(r => shapes[r.InstanceType].Size).Distinct().All(one => !requested.FitsWithin(reserved.SaturatingSubtract(one)));

    private static ResourceVector Sum(IEnumerable<ReservationView> reservations, Func<ReservationView, int> count, IReadOnlyDictionary<string, InstanceShape> shapes) =>
        reservations.Aggregate(ResourceVector.Zero, (sum, r) =>
            sum + (shapes.TryGetValue(r.InstanceType, out var shape) ? CoverPlan.Times(shape.Size, count(r)) : ResourceVector.Zero));
}
