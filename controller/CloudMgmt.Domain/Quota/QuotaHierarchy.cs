using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Quota;

/// <summary>
/// Derives each pool's <see cref="PoolLimits"/> from the definitions of the whole tree. Pure and
/// cheap (one post-order walk); it runs when the tree's shape or a quota changes, not per request.
/// </summary>
public static class QuotaHierarchy
{
    /// <summary>Validates the tree: unique ids, parents exist, no cycles, sane limits. Returns every problem found.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyCollection<PoolDefinition> pools)
    {
        var errors = new List<string>();
        var byId = new Dictionary<string, PoolDefinition>(StringComparer.Ordinal);
        foreach (var pool in pools.Where(p => !byId.TryAdd(p.Id, p)))
        {
            errors.Add($"pool '{pool.Id}': the id is used twice");
        }

        foreach (var pool in pools)
        {
            errors.AddRange(ValidateLimitMap(pool.Id, "lendingLimit", pool.LendingLimit));
            errors.AddRange(ValidateLimitMap(pool.Id, "approvalThreshold", pool.ApprovalThreshold));
            if (pool.ParentId is not null && !byId.ContainsKey(pool.ParentId))
            {
                errors.Add($"pool '{pool.Id}': parent '{pool.ParentId}' does not exist");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal) { pool.Id };
            for (var p = pool.ParentId; p is not null && byId.TryGetValue(p, out var parent); p = parent.ParentId)
            {
                if (!seen.Add(p))
                {
                    errors.Add($"pool '{pool.Id}': its ancestry forms a cycle through '{p}'");
                    break;
                }
            }
        }

        return errors;
    }

    private static IEnumerable<string> ValidateLimitMap(string poolId, string field, IReadOnlyDictionary<string, long>? map)
    {
        foreach (var (name, value) in map ?? new Dictionary<string, long>())
        {
            if (!ResourceNames.IsValid(name))
            {
                yield return $"pool '{poolId}': {field}.{name}: not a valid resource name";
            }
            else if (value < 0)
            {
                yield return $"pool '{poolId}': {field}.{name}: must not be negative (got {value})";
            }
        }
    }

    /// <summary>Computes the limits of every pool. The tree must be valid (see <see cref="Validate"/>).</summary>
    public static Dictionary<string, PoolLimits> ComputeLimits(IReadOnlyCollection<PoolDefinition> pools)
    {
        var children = pools.Where(p => p.ParentId is not null)
            .ToLookup(p => p.ParentId!, StringComparer.Ordinal);
        var subtree = new Dictionary<string, ResourceVector>(StringComparer.Ordinal);
        var limits = new Dictionary<string, PoolLimits>(StringComparer.Ordinal);
        foreach (var root in pools.Where(p => p.ParentId is null))
        {
            Visit(root, isRoot: true);
        }

        return limits;

        ResourceVector Visit(PoolDefinition pool, bool isRoot)
        {
            var quota = pool.Nominal;
            foreach (var child in children[pool.Id])
            {
                var childSubtree = Visit(child, isRoot: false);
                quota += childSubtree - limits[child.Id].Guaranteed;
            }

            subtree[pool.Id] = quota;
            limits[pool.Id] = isRoot
                ? new PoolLimits(quota, quota, ResourceVector.Zero)
                : ForChild(pool, quota);
            return quota;
        }
    }

    private static PoolLimits ForChild(PoolDefinition pool, ResourceVector subtreeQuota)
    {
        var guaranteed = pool.LendingLimit is null
            ? ResourceVector.Zero
            : ResourceVector.From(pool.LendingLimit.Select(l =>
                new KeyValuePair<string, long>(l.Key, Math.Max(0, subtreeQuota[l.Key] - l.Value))));
        var spillCap = subtreeQuota - guaranteed + (pool.BorrowingLimit ?? ResourceVector.Zero);
        return new PoolLimits(subtreeQuota, guaranteed, spillCap);
    }

    /// <summary>The ids from <paramref name="poolId"/> up to its root, leaf first.</summary>
    public static IReadOnlyList<string> PathToRoot(IReadOnlyDictionary<string, PoolDefinition> pools, string poolId)
    {
        var path = new List<string>();
        for (var id = (string?)poolId; id is not null; id = pools[id].ParentId)
        {
            path.Add(id);
        }

        return path;
    }
}
