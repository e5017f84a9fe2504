using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Persistence;

namespace CloudMgmt.Grains.Clouds;

/// <summary>One desired grant, a row of the cloud's ledger.</summary>
[GenerateSerializer]
public sealed class DesiredRow
{
    [Id(0)] public string Tenant { get; set; } = "";
    [Id(1)] public string Pool { get; set; } = "";
    [Id(2)] public Dictionary<string, long> Resources { get; set; } = [];
    [Id(3)] public bool Releasing { get; set; }
    [Id(4)] public bool Confirmed { get; set; }

    /// <summary>When the row last changed into wanting work from the reconciler (see <see cref="DesiredGrant.PendingSince"/>).</summary>
    [Id(5)] public DateTimeOffset? PendingSince { get; set; }

    internal DesiredGrant Load(string id) => new(id, Tenant, Pool, VectorState.Load(Resources), Releasing, Confirmed, PendingSince);

    internal static DesiredRow Save(DesiredGrant g) => new()
    {
        Tenant = g.Tenant, Pool = g.Pool, Resources = VectorState.Save(g.Resources), Releasing = g.Releasing, Confirmed = g.Confirmed,
        PendingSince = g.PendingSince,
    };
}

public sealed partial class CloudGrain
{
    private Dictionary<string, DesiredRow> _desired = [];

    /// <summary>Σ of every desired grant, kept as rows change: placement reads it for every request.</summary>
    private ResourceVector _reservedTotal = ResourceVector.Zero;

    /// <summary>Set while <see cref="Remove"/> runs, so that no room is held on a cloud on its way out.</summary>
    private bool _removing;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _desired = await _rows.LoadAsync();
        _reservedTotal = _desired.Values.Aggregate(ResourceVector.Zero, (sum, d) => sum + VectorState.Load(d.Resources));
    }

    public async Task<Outcome<DesiredGrant>> Reserve(DesiredGrant grant)
    {
        if (!state.RecordExists || _removing)
        {
            return Failure.NotFound($"cloud '{Id}' is not registered");
        }

        if (_desired.TryGetValue(grant.AllocationId, out var known))
        {
            return known.Load(grant.AllocationId);
        }

        var free = Capacity.SaturatingSubtract(_reservedTotal);
        if (S.Drained || !grant.Resources.FitsWithin(free))
        {
            return Failure.Conflict(S.Drained ? $"cloud '{Id}' is drained" : $"cloud '{Id}' has {free} free, not {grant.Resources}");
        }

        return await SaveAsync(grant);
    }

    public async Task<Outcome<DesiredGrant>> Resize(string allocationId, ResourceVector resources)
    {
        if (!_desired.TryGetValue(allocationId, out var row))
        {
            return Failure.NotFound($"cloud '{Id}' holds nothing for allocation '{allocationId}'");
        }

        // A shrink is always taken, even when the capacity fell below what is held: it is how a
        // refused or interrupted resize gets back (AllocationGrain's plans rely on it).
        var current = row.Load(allocationId);
        var free = Capacity.SaturatingSubtract(_reservedTotal - current.Resources);
        if (!resources.FitsWithin(current.Resources) && !resources.FitsWithin(free))
        {
            return Failure.Conflict($"cloud '{Id}' has {free} free for this grant, not {resources}");
        }

        return await SaveAsync(current with { Resources = resources, Confirmed = false });
    }

    public async Task Unreserve(string allocationId)
    {
        if (_desired.Remove(allocationId, out var row))
        {
            _reservedTotal -= VectorState.Load(row.Resources);
            _rows.Changed(allocationId, null);
            await RowWriter.WhenDurable();
        }
    }

    public async Task Confirm(string allocationId, ResourceVector applied)
    {
        if (_desired.TryGetValue(allocationId, out var row) && !row.Confirmed && VectorState.Load(row.Resources).Equals(applied))
        {
            await SaveAsync(row.Load(allocationId) with { Confirmed = true });
        }
    }

    public async Task MarkReleasing(string allocationId)
    {
        if (_desired.TryGetValue(allocationId, out var row) && !row.Releasing)
        {
            await SaveAsync(row.Load(allocationId) with { Releasing = true });
        }
    }

    public Task<IReadOnlyList<DesiredGrant>> GetDesired() =>
        Task.FromResult<IReadOnlyList<DesiredGrant>>(_desired.Select(d => d.Value.Load(d.Key)).ToList());

    private async Task<DesiredGrant> SaveAsync(DesiredGrant grant)
    {
        // A change that gives the reconciler work starts its clock; a confirmation keeps it (it is done).
        var changed = _desired.GetValueOrDefault(grant.AllocationId) is not { } before
            || !VectorState.Load(before.Resources).Equals(grant.Resources) || before.Releasing != grant.Releasing;
        grant = grant with { PendingSince = changed ? time.GetUtcNow() : grant.PendingSince };
        var row = DesiredRow.Save(grant);
        if (_desired.TryGetValue(grant.AllocationId, out var old))
        {
            _reservedTotal -= VectorState.Load(old.Resources);
        }

        _desired[grant.AllocationId] = row;
        _reservedTotal += grant.Resources;
        _rows.Changed(grant.AllocationId, row);
        await RowWriter.WhenDurable();
        return grant;
    }
}
