using System.Xml;
using CloudMgmt.Application.Access;
using CloudMgmt.Application.Allocations;
using CloudMgmt.Grains;
using CloudMgmt.Grains.Allocations;
using CloudMgmt.Grains.Usage;

namespace CloudMgmt.Application.Elastic;

/// <summary>The elastic controller's operator operations (protect, postpone a reclaim) and its event feed, each within the caller's reach.</summary>
public sealed class ElasticService(IGrainFactory grains, AccessCheck access, AllocationService allocations, TimeProvider time)
{
    public static readonly IReadOnlyList<string> Kinds = ["idle", "idle_cleared", "grow", "grow_requested", "shrink", "reclaim", "refused", "stuck"];

    public Task<Outcome<AllocationView>> ProtectAsync(Caller caller, string id, ProtectRequest body) =>
        allocations.ChangeAsync(caller, Operations.AllocationProtect, id,
            body.Protected is null ? Failure.Invalid("protected", "is required: true or false") : null,
            (grain, by) => grain.SetProtected(body.Protected!.Value, by),
            (before, after) => $"protected {before.Elastic?.Protected ?? false} → {after.Elastic?.Protected ?? false}");

    public Task<Outcome<AllocationView>> PostponeAsync(Caller caller, string id, PostponeRequest body)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? until = null;
        Failure? invalid = null;
        if ((body.Until is null) == (body.For is null))
        {
            invalid = Failure.Invalid("until", "give either until (a time) or for (an ISO 8601 duration such as P1D), not both");
        }
        else if (body.Until is { } at)
        {
            until = at > now ? at : null;
            invalid = until is null ? Failure.Invalid("until", "must be in the future") : null;
        }
        else
        {
            until = TimeRules.Duration(body.For!) is { } span && span > TimeSpan.Zero && span <= TimeSpan.FromDays(366) ? now + span : null;
            invalid = until is null ? Failure.Invalid("for", "must be an ISO 8601 duration above zero and at most a year, such as P1D or PT12H") : null;
        }

        return allocations.ChangeAsync(caller, Operations.AllocationPostpone, id, invalid, (grain, by) => grain.PostponeReclaim(until!.Value, by),
            (_, after) => $"reclaim postponed until {after.Elastic?.PostponedUntil:O}");
    }

    /// <summary>Elastic events, oldest first, of the tenants the caller reaches.</summary>
    public async Task<Outcome<ElasticEventsResponse>> EventsAsync(Caller caller, EventFilter filter)
    {
        if (await access.RoleAsync(caller, Operations.EventRead, Resource.WholeTree()) is { } refused)
        {
            return refused;
        }

        var v = new Validation();
        if (filter.Kind is not null && !Kinds.Contains(filter.Kind))
        {
            v.Add("kind", "must be one of " + string.Join(", ", Kinds));
        }

        if (filter.Limit is < 1 or > 1000)
        {
            v.Add("limit", "must be between 1 and 1000");
        }

        v.Id("tenant", filter.Tenant, required: false);
        if (v.Failure() is { } invalid)
        {
            return invalid;
        }

        var limit = filter.Limit ?? 100;
        var feed = grains.GetGrain<IElasticEventsGrain>(ElasticEventsGrain.Key);
        IReadOnlyList<ElasticEvent> events;
        if (caller.Principal.Unscoped && caller.Principal.Role != Grains.Keys.ApiRole.Department)
        {
            events = await feed.List(filter.Kind, filter.Tenant, filter.Since, limit);
        }
        else
        {
            var visible = (await access.Tree.VisibleTenantsAsync(caller.Principal)).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            events = filter.Tenant is { } one
                ? visible.Contains(one) ? await feed.List(filter.Kind, one, filter.Since, limit) : []
                : (await feed.List(filter.Kind, null, filter.Since, 1000)).Where(e => visible.Contains(e.Tenant)).Take(limit).ToList();
        }

        return new ElasticEventsResponse(events.Select(e => new ElasticEventResponse(e.At, e.Kind, e.AllocationId, e.Tenant, e.Pool, e.CloudId, e.Message)).ToList());
    }
}
