using Amazon.EC2.Model;
using CloudMgmt.Adapters.Ec2.Api;
using CloudMgmt.Adapters.Ec2.Catalogue;
using CloudMgmt.Adapters.Ec2.Grants;

namespace CloudMgmt.Adapters.Ec2;

/// <summary>
/// An EC2-compatible cloud: capacity from its instance-type catalogue and the account's vCPU limit,
/// grants as On-Demand Capacity Reservations tagged with our marks, tenants as tag sets.
/// </summary>
internal sealed class Ec2Adapter(Ec2Api api, InstanceCatalogue catalogue, GrantApplier applier, Ec2Settings settings, string region) : ICloudAdapter, IDisposable
{
    /// <summary>Closes the SDK client (the controller disposes an adapter it replaced or dropped).</summary>
    public void Dispose() => api.Dispose();

    public string Kind => Ec2AdapterFactory.KindName;

    public async Task<AdapterResult<CloudCapacity>> DescribeCapacityAsync(CancellationToken cancellationToken)
    {
        var snapshot = await catalogue.GetAsync(cancellationToken);
        if (!snapshot.Succeeded)
        {
            return snapshot.Error!;
        }

        var limit = settings.MaxVcpu is { } configured ? configured : await VcpuLimitFromAccountAsync(snapshot.Value!, cancellationToken);
        return limit.Error ?? (AdapterResult<CloudCapacity>)CapacityMap.Build(snapshot.Value!, limit.Value, region);
    }

    /// <summary>EC2 tenants have no project of their own: a tenant is the tag set on its reservations.</summary>
    public Task<AdapterResult<TenantSpace>> EnsureTenantSpaceAsync(TenantRef tenant, CancellationToken cancellationToken) =>
        Task.FromResult<AdapterResult<TenantSpace>>(new TenantSpace(tenant, $"tag:{ManagementMarks.Tenant}={tenant.TenantId}", tenant.TenantId));

    public Task<AdapterResult<GrantObservation>> ApplyGrantAsync(GrantSpec grant, CancellationToken cancellationToken) =>
        ApplyAsync(grant, mustExist: false, cancellationToken);

    public Task<AdapterResult<GrantObservation>> ResizeGrantAsync(GrantSpec grant, CancellationToken cancellationToken) =>
        ApplyAsync(grant, mustExist: true, cancellationToken);

    public async Task<AdapterResult<GrantRef>> ReleaseGrantAsync(GrantRef grant, CancellationToken cancellationToken)
    {
        var known = await ReservationsOfAsync(grant.AllocationId, cancellationToken);
        var error = known.Error ?? await applier.CancelAllAsync(known.Value!.Where(r => r.IsActive).Select(r => r.Id), cancellationToken);
        return error ?? (AdapterResult<GrantRef>)grant;
    }

    public async Task<AdapterResult<GrantObservation>> ObserveGrantAsync(GrantRef grant, CancellationToken cancellationToken)
    {
        var known = await ReservationsOfAsync(grant.AllocationId, cancellationToken);
        return known.Succeeded ? await ObserveAsync(grant.AllocationId, known.Value!, cancellationToken) : known.Error!;
    }

    public async Task<AdapterResult<IReadOnlyList<GrantObservation>>> ListGrantsAsync(CancellationToken cancellationToken)
    {
        var listed = await api.DescribeReservationsAsync([Tagged(ManagementMarks.Managed, "true"), new Filter("state", [ReservationView.Active])], cancellationToken);
        if (!listed.Succeeded)
        {
            return listed.Error!;
        }

        var reservations = listed.Value!.Select(ReservationView.From).ToList();
        var shapes = await ShapesAsync(reservations, cancellationToken);
        return shapes.Succeeded
            ? new AdapterResult<IReadOnlyList<GrantObservation>>(GrantObserver.ObserveAll(reservations, shapes.Value!), null)
            : shapes.Error!;
    }

    public async Task<AdapterResult<CloudHealth>> CheckHealthAsync(CancellationToken cancellationToken)
    {
        var answered = await api.DescribeAccountAttributeAsync("supported-platforms", cancellationToken);
        return answered.Error ?? (AdapterResult<CloudHealth>)new CloudHealth(true, $"EC2 endpoint answering for region {region}");
    }

    private async Task<AdapterResult<GrantObservation>> ApplyAsync(GrantSpec grant, bool mustExist, CancellationToken ct)
    {
        var known = await ReservationsOfAsync(grant.Grant.AllocationId, ct);
        var snapshot = known.Succeeded ? await catalogue.GetAsync(ct) : known.Error!;
        if (!snapshot.Succeeded)
        {
            return snapshot.Error!;
        }

        if (mustExist && !known.Value!.Any(r => r.IsActive))
        {
            return AdapterError.Of(AdapterErrorKind.NotFound, $"EC2: no active capacity reservation for allocation '{grant.Grant.AllocationId}' to resize");
        }

        var error = await applier.ApplyAsync(grant, known.Value!, snapshot.Value!, ct);
        if (error is not null)
        {
            return error;
        }

        var after = await ReservationsOfAsync(grant.Grant.AllocationId, ct);
        return after.Succeeded ? await ObserveAsync(grant.Grant.AllocationId, after.Value!, ct) : after.Error!;
    }

    private async Task<AdapterResult<GrantObservation>> ObserveAsync(string allocationId, List<ReservationView> reservations, CancellationToken ct)
    {
        var shapes = await ShapesAsync(reservations, ct);
        return !shapes.Succeeded ? shapes.Error!
            : GrantObserver.Observe(reservations, shapes.Value!) is { } observed ? observed
            : AdapterError.Of(AdapterErrorKind.NotFound, $"EC2: no active capacity reservation for allocation '{allocationId}'");
    }

    /// <summary>Every reservation carrying the allocation's mark, in any state (cancelled ones count for the ClientToken generation).</summary>
    private async Task<AdapterResult<List<ReservationView>>> ReservationsOfAsync(string allocationId, CancellationToken ct)
    {
        var found = await api.DescribeReservationsAsync([Tagged(ManagementMarks.Allocation, allocationId)], ct);
        return found.Succeeded ? found.Value!.Select(ReservationView.From).ToList() : found.Error!;
    }

    /// <summary>The shapes of the reservations' instance types: from the catalogue, and asked for when a type is no longer offered.</summary>
    private async Task<AdapterResult<IReadOnlyDictionary<string, InstanceShape>>> ShapesAsync(IReadOnlyList<ReservationView> reservations, CancellationToken ct)
    {
        var snapshot = await catalogue.GetAsync(ct);
        if (!snapshot.Succeeded)
        {
            return snapshot.Error!;
        }

        var missing = reservations.Select(r => r.InstanceType).Where(t => !snapshot.Value!.Shapes.ContainsKey(t)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return new(snapshot.Value!.Shapes, null);
        }

        var described = await api.DescribeInstanceTypesAsync(missing, ct);
        return described.Succeeded
            ? new AdapterResult<IReadOnlyDictionary<string, InstanceShape>>(snapshot.Value!.Shapes.Values.Concat(described.Value!.Select(InstanceShape.From).OfType<InstanceShape>())
                .ToDictionary(s => s.Name, StringComparer.Ordinal), null)
            : described.Error!;
    }

    private async Task<AdapterResult<long>> VcpuLimitFromAccountAsync(CatalogueSnapshot snapshot, CancellationToken ct)
    {
        var values = await api.DescribeAccountAttributeAsync("max-instances", ct);
        if (!values.Succeeded)
        {
            return values.Error!;
        }

        var largest = snapshot.Shapes.Values.Where(s => s.Architecture == settings.Architecture).Select(s => s.Vcpu).DefaultIfEmpty(0).Max();
        return values.Value!.Select(v => long.TryParse(v, out var n) ? n : 0).FirstOrDefault(n => n > 0) is var instances and > 0 && largest > 0
            ? instances * largest
            : AdapterError.Of(AdapterErrorKind.Invalid, "EC2: the account reports no max-instances limit; set maxVcpu in the cloud's settings");
    }

    private static Filter Tagged(string key, string value) => new($"tag:{key}", [value]);
}
