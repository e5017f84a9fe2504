using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Quota;

/// <summary>
/// A whole quota tree in memory: definitions, derived limits and one ledger per pool. The grains
/// spread the same ledgers over one grain per pool; this single-threaded form is what the unit and
/// property tests and the admission benchmark exercise.
/// </summary>
public sealed class QuotaTree
{
    private readonly Dictionary<string, PoolDefinition> _pools;
    private readonly Dictionary<string, PoolLimits> _limits;
    private readonly Dictionary<string, PoolLedger> _ledgers;
    private readonly Dictionary<string, (string Pool, ResourceVector Amount, int Reach)> _allocations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _paths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string[] Ids, PoolLedger[] Ledgers, PoolLimits[] Limits)> _resolved = new(StringComparer.Ordinal);

    public QuotaTree(IReadOnlyCollection<PoolDefinition> pools)
    {
        var errors = QuotaHierarchy.Validate(pools);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(pools));
        }

        _pools = pools.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _limits = QuotaHierarchy.ComputeLimits(pools);
        _ledgers = pools.ToDictionary(p => p.Id, _ => new PoolLedger(), StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, PoolDefinition> Pools => _pools;

    public PoolLimits LimitsOf(string poolId) => _limits[poolId];

    public PoolLedger LedgerOf(string poolId) => _ledgers[poolId];

    public IReadOnlyList<string> PathOf(string poolId)
    {
        if (!_paths.TryGetValue(poolId, out var path))
        {
            _paths[poolId] = path = QuotaHierarchy.PathToRoot(_pools, poolId);
        }

        return path;
    }

    /// <summary>Reserves (or resizes to) <paramref name="amount"/> for an allocation under <paramref name="poolId"/>.</summary>
    public PathOutcome Set(string poolId, string allocationId, ResourceVector amount)
    {
        var (pool, previous, reach) = _allocations.GetValueOrDefault(allocationId, (poolId, ResourceVector.Zero, 0));
        if (!string.Equals(pool, poolId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Allocation '{allocationId}' belongs to pool '{pool}'.", nameof(poolId));
        }

        var (ids, ledgers, limits) = Resolve(poolId);
        var task = PathReservation.SetAsync(ids.Length, amount, reach,
            (level, a) => ValueTask.FromResult(ledgers[level].TrySet(ids[level], allocationId, a, limits[level])),
            (level, entry) =>
            {
                ledgers[level].Restore(allocationId, entry);
                return ValueTask.CompletedTask;
            });
        var outcome = task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();
        var now = outcome.Accepted ? amount : previous;
        if (now.IsZero)
        {
            _allocations.Remove(allocationId);
        }
        else
        {
            _allocations[allocationId] = (poolId, now, outcome.Reach);
        }

        return outcome;
    }

    public void Release(string allocationId)
    {
        if (_allocations.TryGetValue(allocationId, out var a))
        {
            Set(a.Pool, allocationId, ResourceVector.Zero);
        }
    }

    /// <summary>Every allocation currently held, with its pool and amount.</summary>
    public IEnumerable<(string AllocationId, string Pool, ResourceVector Amount)> Allocations =>
        _allocations.Select(a => (a.Key, a.Value.Pool, a.Value.Amount));

    /// <summary>The path of a pool as arrays of ids, ledgers and limits, resolved once per pool.</summary>
    private (string[] Ids, PoolLedger[] Ledgers, PoolLimits[] Limits) Resolve(string poolId)
    {
        if (!_resolved.TryGetValue(poolId, out var resolved))
        {
            var path = PathOf(poolId);
            _resolved[poolId] = resolved = ([.. path], path.Select(p => _ledgers[p]).ToArray(), path.Select(p => _limits[p]).ToArray());
        }

        return resolved;
    }
}
