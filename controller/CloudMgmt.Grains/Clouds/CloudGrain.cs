using CloudMgmt.Domain;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Persistence;
using Orleans.Serialization;

namespace CloudMgmt.Grains.Clouds;

/// <summary>One cloud's registration, last known inventory, and the grants the controller wants on it.</summary>
public sealed partial class CloudGrain(
    [PersistentState("cloud")] IPersistentState<CloudState> state, TimeProvider time, ILedgerStore ledgers, Serializer serializer,
    IGrainContext context) : Grain, ICloudGrain
{
    private readonly LedgerRows<DesiredRow> _rows = new(ledgers, serializer, "cloud/" + context.GrainId.Key);
    private CoalescingWriter? _rowWriter;

    /// <summary>Group commit of the desired-grant rows for the interleaving ledger calls.</summary>
    private CoalescingWriter RowWriter => _rowWriter ??= new CoalescingWriter(_rows.FlushAsync);

    private CloudState S => state.State;

    /// <summary>Per-tenant figures of the last refresh: in memory only, since every refresh replaces them.</summary>
    private IReadOnlyList<CloudTenantUsage> _tenants = [];

    private string Id => this.GetPrimaryKeyString();

    public async Task<Outcome<CloudView>> Register(CloudSpec spec)
    {
        if (!Identifier.IsValid(spec.Id))
        {
            return Failure.Invalid("id", $"'{spec.Id}' is not a valid cloud id: {Identifier.Rule}");
        }

        if (state.RecordExists)
        {
            return Failure.Conflict($"cloud '{Id}' is already registered");
        }

        (S.Kind, S.Region, S.Labels, S.Endpoint, S.CredentialsRef, S.Settings, S.AllowInsecureEndpoint) =
            (spec.Kind, spec.Region, new(spec.Labels), spec.Endpoint, spec.CredentialsRef, new(spec.Settings), spec.AllowInsecureEndpoint);
        S.RegisteredAt = time.GetUtcNow();
        S.HealthDetail = "not checked yet";
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).Add(Id);
        return View();
    }

    public async Task<Outcome<CloudView>> Update(CloudUpdate update)
    {
        if (!state.RecordExists)
        {
            return NotRegistered();
        }

        if (update.RedirectsWithoutReference(View().Spec) is { } why)
        {
            return Failure.Invalid("credentialsRef", why);
        }

        S.Region = update.Region ?? S.Region;
        S.Labels = update.Labels is null ? S.Labels : new(update.Labels);
        S.Endpoint = update.Endpoint ?? S.Endpoint;
        S.CredentialsRef = update.CredentialsRef ?? S.CredentialsRef;
        S.Settings = update.Settings is null ? S.Settings : new(update.Settings);
        S.AllowInsecureEndpoint = update.AllowInsecureEndpoint ?? S.AllowInsecureEndpoint;
        await state.WriteStateAsync();
        return View();
    }

    public async Task<Outcome<CloudView>> SetDrained(bool drained)
    {
        if (!state.RecordExists)
        {
            return NotRegistered();
        }

        S.Drained = drained;
        await state.WriteStateAsync();
        return View();
    }

    public async Task<Outcome<CloudView>> Remove()
    {
        if (!state.RecordExists)
        {
            return NotRegistered();
        }

        if (_desired.Count > 0)
        {
            return Failure.Conflict($"cloud '{Id}' still holds {_desired.Count} grants; drain it and release them first");
        }

        _removing = true;
        try
        {
            var last = View();
            await GrainFactory.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).Remove(Id);
            await state.ClearStateAsync();
            return last;
        }
        finally
        {
            _removing = false; // cleared state says "not registered" from here on; a failure leaves the cloud as it was
        }
    }

    public Task<CloudView?> Get()
    {
        if (state.RecordExists)
        {
            return Task.FromResult<CloudView?>(View());
        }

        NotRegistered();
        return Task.FromResult<CloudView?>(null);
    }

    /// <summary>
    /// Asked about a cloud that is not registered (a mistyped or probing id): leave memory at once, so
    /// that such questions, however many, keep no activation. Nothing was written for it.
    /// </summary>
    private Failure NotRegistered()
    {
        DeactivateOnIdle();
        return Failure.NotFound($"cloud '{Id}' is not registered");
    }

    public async Task RecordInventory(CloudInventory inventory)
    {
        if (!state.RecordExists)
        {
            return; // removed while its refresh was under way
        }

        // An unhealthy refresh knows nothing new about capacity and grants: keep the last known figures.
        if (inventory.Healthy)
        {
            S.Zones = inventory.Zones.Select(ZoneState.Save).ToList();
            (S.Granted, S.Used, S.Grants) = (VectorState.Save(inventory.Granted), VectorState.Save(inventory.Used), inventory.Grants);
            _tenants = inventory.Tenants ?? [];
        }

        (S.Healthy, S.HealthDetail, S.HealthSummary, S.CheckedAt) = (inventory.Healthy, inventory.HealthDetail, inventory.HealthSummary, inventory.CheckedAt);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<CloudTenantUsage>> GetTenantUsage() => Task.FromResult(_tenants);

    private ResourceVector Capacity => S.Zones.Aggregate(ResourceVector.Zero, (sum, z) => sum + VectorState.Load(z.Capacity));

    private CloudView View()
    {
        var zones = S.Zones.Select(z => z.Load()).ToList();
        var (granted, used) = (VectorState.Load(S.Granted), VectorState.Load(S.Used));
        var inventory = S.CheckedAt is null ? null
            : new CloudInventory(zones, granted, used, S.Grants, S.Healthy, S.HealthDetail, S.CheckedAt.Value, HealthSummary: S.HealthSummary);
        return new CloudView(new CloudSpec(Id, S.Kind, S.Region, S.Labels, S.Endpoint, S.CredentialsRef, S.Settings, S.AllowInsecureEndpoint), S.Drained,
            Capacity, _reservedTotal, granted, used, inventory, S.RegisteredAt);
    }
}
