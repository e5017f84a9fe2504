using CloudMgmt.Application.Access;
using CloudMgmt.Application.Audit;
using CloudMgmt.Grains;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Reconciliation.Clouds;
using CloudMgmt.Reconciliation.Monitoring;

namespace CloudMgmt.Application.Clouds;

/// <summary>
/// The clouds under management. Clouds are shared infrastructure, outside the pool tree: every
/// reader sees them, but only an unscoped operator sees how one is reached (endpoint,
/// credentialsRef, settings) and the operator's health reason; everyone else sees capacity,
/// figures and a health summary. Changing them is for unscoped operators only, and every change
/// and every refused attempt leaves one audit record (<see cref="CloudChanges"/> says what goes in it).
/// </summary>
internal sealed partial class CloudService(
    IGrainFactory grains, AccessCheck access, AuditTrail audit, CloudRegistrations registrations, CloudRefresher refresher,
    GrantReconciler reconciler, ReconcilePass pass, CloudResilience resilience)
{
    /// <summary>The kinds of cloud an adapter is installed for (what a registration may name).</summary>
    public IReadOnlyCollection<string> Kinds => registrations.Kinds;

    /// <summary>
    /// The cloud's circuit breaker on this node (closed, half-open or open), for the callers who may
    /// read it from /metrics (cloudmgmt_cloud_breaker_state): unscoped operators and viewers; null for
    /// everyone else, who learn from the health summary only that the cloud is unavailable.
    /// </summary>
    public string? BreakerOf(Caller caller, string id) =>
        SeesBreakers(caller.Principal) ? resilience.BreakerState(id) switch { 1 => "half-open", 2 => "open", _ => "closed" } : null;

    /// <summary>
    /// Grants found on the cloud with our marks and no allocation in its last reconcile pass on this
    /// node (cloudmgmt_leaked_grants), for the same callers as the breaker; null for everyone else.
    /// </summary>
    public long? LeaksOf(Caller caller, string id) =>
        !SeesBreakers(caller.Principal) ? null
        : ControllerMetrics.LeakedGrants.GetAllLabelValues().Any(l => l[0] == id) ? (long)ControllerMetrics.LeakedGrants.WithLabels(id).Value : 0;

    public static bool SeesBreakers(Principal principal) =>
        principal.Kind == PrincipalKind.System || (principal.Unscoped && principal.Role is Grains.Keys.ApiRole.Operator or Grains.Keys.ApiRole.Viewer);

    public async Task<Outcome<IReadOnlyList<CloudResponse>>> ListAsync(Caller caller)
    {
        if (await access.RoleAsync(caller, Operations.CloudRead, Resource.Cloud(null)) is { } refused)
        {
            return refused;
        }

        var ids = await grains.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).List();
        var views = await Task.WhenAll(ids.Select(id => Cloud(id).Get()));
        return views.OfType<CloudView>().Select(v => View(caller, v)).ToList();
    }

    public async Task<Outcome<CloudResponse>> GetAsync(Caller caller, string id)
    {
        if (await access.RoleAsync(caller, Operations.CloudRead, Resource.Cloud(id)) is { } refused)
        {
            return refused;
        }

        return await Cloud(id).Get() is { } view ? View(caller, view) : Missing(id);
    }

    public async Task<Outcome<CloudResponse>> SetDrainedAsync(Caller caller, string id, bool drained)
    {
        var op = drained ? Operations.CloudDrain : Operations.CloudUndrain;
        var target = Resource.Cloud(id);
        if (await access.RoleAsync(caller, op, target) is { } refused)
        {
            return refused;
        }

        var outcome = await Cloud(id).SetDrained(drained);
        return await audit.RecordAsync(caller, op, target, Full(outcome), Outcomes.Ok, _ => drained ? "drained: no new placements" : "drain ended");
    }

    public async Task<Outcome<CloudResponse>> ReconcileAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var target = Resource.Cloud(id);
        if (await access.RoleAsync(caller, Operations.CloudReconcile, target) is { } refused)
        {
            return refused;
        }

        Outcome<CloudResponse> outcome = Missing(id);
        if (await refresher.RefreshAsync(id, cancellationToken) is not null)
        {
            await reconciler.ReconcileAsync(id, cancellationToken);
            outcome = await refresher.RefreshAsync(id, cancellationToken) is { } view ? CloudResponse.From(view, operatorView: true) : Missing(id);
        }

        return await audit.RecordAsync(caller, Operations.CloudReconcile, target, outcome, Outcomes.Ok,
            c => c.Health is { } h ? $"reconciled: {(h.Healthy ? "healthy" : "unhealthy")}, {c.Grants} grants" : "reconciled");
    }

    /// <summary>One reconcile pass over every cloud now; the number of clouds passed over.</summary>
    public async Task<Outcome<int>> ReconcileAllAsync(Caller caller, CancellationToken cancellationToken)
    {
        var target = Resource.WholeTree();
        if (await access.RoleAsync(caller, Operations.ReconcileRun, target) is { } refused)
        {
            return refused;
        }

        Outcome<int> clouds = await pass.RunAsync(cancellationToken);
        return await audit.RecordAsync(caller, Operations.ReconcileRun, target, clouds, Outcomes.Ok, n => $"{n} clouds reconciled");
    }

    public async Task<Outcome<bool>> RemoveAsync(Caller caller, string id)
    {
        var target = Resource.Cloud(id);
        if (await access.RoleAsync(caller, Operations.CloudRemove, target) is { } refused)
        {
            return refused;
        }

        var removed = await Cloud(id).Remove();
        Outcome<bool> outcome = removed.Failure is { } failure ? failure : true;
        return await audit.RecordAsync(caller, Operations.CloudRemove, target, outcome, Outcomes.NoContent,
            _ => CloudChanges.Removed(removed.Value!.Spec));
    }

    private ICloudGrain Cloud(string id) => grains.GetGrain<ICloudGrain>(id);

    /// <summary>How a cloud is reached is for the operators that manage clouds: unscoped ones.</summary>
    private static CloudResponse View(Caller caller, CloudView view) => CloudResponse.From(view, ManagesClouds(caller.Principal));

    public static bool ManagesClouds(Principal principal) =>
        principal.Kind == PrincipalKind.System || (principal.Role == Grains.Keys.ApiRole.Operator && principal.Unscoped);

    private static Outcome<CloudResponse> Full(Outcome<CloudView> outcome) =>
        outcome.Failure is { } f ? f : CloudResponse.From(outcome.Value!, operatorView: true);

    private static Failure Missing(string id) => Failure.NotFound($"cloud '{TextRules.Echo(id)}' is not registered");
}
