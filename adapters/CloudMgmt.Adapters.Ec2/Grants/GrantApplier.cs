using Amazon.EC2;
using Amazon.EC2.Model;
using CloudMgmt.Adapters.Ec2.Api;
using CloudMgmt.Adapters.Ec2.Catalogue;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Ec2.Grants;

/// <summary>
/// Makes an allocation's reservations match a grant: plans the instance types with the policy, keeps
/// and resizes (ModifyCapacityReservation) reservations of a planned type, creates the missing ones
/// (tagged at creation, with a ClientToken), cancels the rest, and re-tags what it kept. A new grant
/// goes to the first zone that can take it; if EC2 has no capacity for it there, what was made is
/// cancelled and the next zone is tried.
/// </summary>
internal sealed class GrantApplier(Ec2Api api, InstancePolicy policy, Ec2Settings settings)
{
    private static readonly string[] Reservable = [ResourceNames.Vcpu, ResourceNames.MemoryGiB, ResourceNames.Gpu];

    /// <summary>Null when the reservations now match the grant; otherwise why not.</summary>
    public async Task<AdapterError?> ApplyAsync(GrantSpec spec, IReadOnlyList<ReservationView> known, CatalogueSnapshot catalogue, CancellationToken ct)
    {
        if (spec.Resources.IsZero || spec.Resources.Names.Except(Reservable).ToList() is { Count: > 0 } other)
        {
            return AdapterError.Of(AdapterErrorKind.Invalid,
                $"EC2 reserves instances, so a grant holds vcpu, memoryGiB and gpu only (asked for {spec.Resources})");
        }

        var active = known.Where(r => r.IsActive).ToList();
        var zones = active.Count > 0 ? [active.GroupBy(r => r.Zone).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key]
            : spec.Zone is { } zone ? [zone]
            : catalogue.Zones.Keys.ToList();
        AdapterError? last = null;
        foreach (var candidate in zones)
        {
            var plan = policy.Plan(spec.Resources, catalogue.OfferedIn(candidate));
            var error = plan is null
                ? new AdapterError(AdapterErrorKind.InsufficientCapacity,
                    $"EC2: no instance types offered in {candidate} under policy {policy.Describe} cover {spec.Resources}", Retryable: false)
                : await ExecuteAsync(spec, candidate, plan, active, known, ct);
            if (error is null || error.Kind != AdapterErrorKind.InsufficientCapacity || active.Count > 0)
            {
                return error;
            }

            last = error;
        }

        return last ?? new AdapterError(AdapterErrorKind.InsufficientCapacity, "EC2: no availability zone offers instance types", Retryable: false);
    }

    private async Task<AdapterError?> ExecuteAsync(
        GrantSpec spec, string zone, CoverPlan plan, List<ReservationView> active, IReadOnlyList<ReservationView> known, CancellationToken ct)
    {
        var tags = TagsOf(spec);
        var kept = new List<ReservationView>();
        var created = new List<string>();
        foreach (var planned in plan.Reservations)
        {
            var same = active.Where(r => r.Zone == zone && r.InstanceType == planned.Shape.Name).MinBy(r => r.Id, StringComparer.Ordinal);
            if (same is not null)
            {
                kept.Add(same);
                var modified = same.Total == planned.Count ? null : (await api.ModifyReservationAsync(same.Id, planned.Count, ct)).Error;
                if (modified is not null)
                {
                    return modified;
                }

                continue;
            }

            var generation = known.Count(r => r.Zone == zone && r.InstanceType == planned.Shape.Name);
            var made = await api.CreateReservationAsync(Request(planned, zone, ClientTokens.For(spec.Grant.AllocationId, planned.Shape.Name, zone, generation), tags), ct);
            var error = made.Error ?? (made.Value!.State?.Value == ReservationView.Active ? null
                : AdapterError.Of(AdapterErrorKind.Conflict, $"EC2 returned reservation {made.Value.CapacityReservationId} in state {made.Value.State?.Value}"));
            if (error is not null)
            {
                if (active.Count == 0)
                {
                    await CancelAllAsync(created, ct); // a new grant is all or nothing
                }

                return error;
            }

            created.Add(made.Value!.CapacityReservationId);
        }

        var cancelled = await CancelAllAsync(active.Except(kept).Select(r => r.Id), ct);
        var stale = kept.Where(r => tags.Any(t => r.Tags.GetValueOrDefault(t.Key) != t.Value)).Select(r => r.Id).ToList();
        return cancelled ?? (stale.Count == 0 ? null : (await api.TagAsync(stale, tags, ct)).Error);
    }

    /// <summary>Cancels reservations; one already gone counts as cancelled.</summary>
    public async Task<AdapterError?> CancelAllAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        foreach (var id in ids)
        {
            var result = await api.CancelReservationAsync(id, ct);
            if (result.Error is { Kind: not AdapterErrorKind.NotFound } error)
            {
                return error;
            }
        }

        return null;
    }

    private CreateCapacityReservationRequest Request(PlannedReservation planned, string zone, string token, IReadOnlyDictionary<string, string> tags) => new()
    {
        InstanceType = planned.Shape.Name,
        InstancePlatform = settings.Platform,
        AvailabilityZone = zone,
        InstanceCount = planned.Count,
        ClientToken = token,
        EndDateType = EndDateType.Unlimited,
        // Targeted: only instances launched into this reservation use it, so usage is the tenant's own.
        InstanceMatchCriteria = InstanceMatchCriteria.Targeted,
        TagSpecifications = [new TagSpecification { ResourceType = ResourceType.CapacityReservation, Tags = [.. tags.Select(t => new Tag(t.Key, t.Value))] }],
    };

    private static Dictionary<string, string> TagsOf(GrantSpec spec)
    {
        var tags = new Dictionary<string, string>(spec.Labels, StringComparer.Ordinal);
        foreach (var (key, value) in ManagementMarks.For(spec.Grant))
        {
            tags[key] = value;
        }

        tags[ReservationView.RequestedTag] = ReservationView.FormatRequested(spec.Resources);
        return tags;
    }
}
