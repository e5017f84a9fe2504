using CloudMgmt.Domain;
using CloudMgmt.Domain.Quota;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Grains.Tenants;
using Orleans.Serialization;

namespace CloudMgmt.Grains.Pools;

/// <summary>
/// Owns the tree's configuration. A change is validated, persisted, then the derived limits are
/// pushed to the pools whose limits moved; if a pool refuses (it holds more than the new limits
/// allow), the change is undone everywhere. On activation every pool's limits are pushed again,
/// which finishes a push that a crash interrupted. Pools and tenants are stored one row each
/// (<see cref="CatalogRows"/>), so a change writes only the row it touches.
/// </summary>
public sealed partial class CatalogGrain(
    [PersistentState("catalog")] IPersistentState<CatalogState> state, ILedgerStore ledgers, Serializer serializer) : Grain, ICatalogGrain
{
    public const string Key = "catalog";

    private readonly CatalogRows _rows = new(ledgers, serializer);
    private Dictionary<string, PoolSpec> _pools = [];
    private Dictionary<string, TenantSpecState> _tenants = [];
    private Dictionary<string, PoolLimits> _limits = [];
    private readonly Dictionary<string, AdmissionPath> _paths = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (pools, tenants) = await _rows.LoadAsync(state);
        _pools = pools.Values.Select(p => p.Load()).ToDictionary(p => p.Id, StringComparer.Ordinal);
        _tenants = tenants;
        _limits = QuotaHierarchy.ComputeLimits(_pools.Values.Select(p => p.ToDefinition()).ToList());
    }

    public async Task Reconcile()
    {
        foreach (var (id, limits) in _limits)
        {
            await GrainFactory.GetGrain<IQuotaPoolGrain>(id).ApplyLimits(limits);
        }
    }

    public async Task<Outcome<PoolSpec>> CreatePool(PoolSpec spec)
    {
        if (!Identifier.IsValid(spec.Id))
        {
            return Failure.Invalid("id", $"'{spec.Id}' is not a valid pool id: {Identifier.Rule}");
        }

        if (_pools.ContainsKey(spec.Id))
        {
            return Failure.Conflict($"pool '{spec.Id}' already exists");
        }

        if (spec.Parent is not null && !_pools.ContainsKey(spec.Parent))
        {
            return Failure.Invalid("parent", $"parent pool '{spec.Parent}' does not exist; create it first");
        }

        return await ChangePoolsAsync(spec);
    }

    public async Task<Outcome<PoolSpec>> UpdatePool(string id, PoolUpdate update)
    {
        if (!_pools.TryGetValue(id, out var current))
        {
            return Failure.NotFound($"pool '{id}' does not exist");
        }

        var changed = current with
        {
            DisplayName = update.DisplayName ?? current.DisplayName,
            Quota = update.Quota ?? current.Quota,
            BorrowingLimit = update.BorrowingLimit ?? current.BorrowingLimit,
            LendingLimit = update.LendingLimit ?? current.LendingLimit,
            ApprovalThreshold = update.ApprovalThreshold ?? current.ApprovalThreshold,
        };
        return await ChangePoolsAsync(changed);
    }

    public Task<PoolSpec?> GetPool(string id) => Task.FromResult(_pools.GetValueOrDefault(id));

    public Task<IReadOnlyList<PoolSpec>> ListPools() =>
        Task.FromResult<IReadOnlyList<PoolSpec>>(_pools.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToList());

    public Task<AdmissionPath?> GetAdmissionPath(string poolId)
    {
        if (!_pools.ContainsKey(poolId))
        {
            return Task.FromResult<AdmissionPath?>(null);
        }

        if (!_paths.TryGetValue(poolId, out var path))
        {
            var ids = new List<string>();
            for (var id = (string?)poolId; id is not null; id = _pools[id].Parent)
            {
                ids.Add(id);
            }

            _paths[poolId] = path = new AdmissionPath(ids, ids.Select(i => _pools[i].ApprovalThreshold).ToList());
        }

        return Task.FromResult<AdmissionPath?>(path);
    }

    private async Task<Outcome<PoolSpec>> ChangePoolsAsync(PoolSpec spec)
    {
        var next = new Dictionary<string, PoolSpec>(_pools, StringComparer.Ordinal) { [spec.Id] = spec };
        var nextLimits = QuotaHierarchy.ComputeLimits(next.Values.Select(p => p.ToDefinition()).ToList());
        var moved = nextLimits.Where(l => !_limits.TryGetValue(l.Key, out var old) || old != l.Value).Select(l => l.Key).ToList();

        var applied = new List<string>();
        foreach (var id in moved)
        {
            if (await GrainFactory.GetGrain<IQuotaPoolGrain>(id).ApplyLimits(nextLimits[id]) is { } refused)
            {
                foreach (var undo in applied.Where(_limits.ContainsKey))
                {
                    await GrainFactory.GetGrain<IQuotaPoolGrain>(undo).ApplyLimits(_limits[undo]);
                }

                return refused with { Field = "quota" };
            }

            applied.Add(id);
        }

        await WriteAsync(_rows.Pools, spec.Id, PoolSpecState.Save(spec));
        _pools = next;
        _limits = nextLimits;
        _paths.Clear();
        return spec;
    }

    /// <summary>
    /// Writes one row. If the write fails, whether it reached the disk is unknown: the activation
    /// leaves, and the next one reads what storage holds.
    /// </summary>
    private async Task WriteAsync<TRow>(LedgerRows<TRow> rows, string id, TRow row)
        where TRow : class
    {
        rows.Changed(id, row);
        try
        {
            await rows.FlushAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
