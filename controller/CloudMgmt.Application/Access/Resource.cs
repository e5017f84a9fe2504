using CloudMgmt.Domain.Audit;

namespace CloudMgmt.Application.Access;

/// <summary>What kind of thing a resource is, as audit targets name it ("pool:hefei").</summary>
public enum ResourceKind
{
    Pool,
    Tenant,
    Allocation,
    Key,
    Cloud,

    /// <summary>The whole tree or the controller itself (a pass over every cloud, the audit trail).</summary>
    Tree,
}

/// <summary>
/// Where a resource sits: the pools from the root down to it (a pool's own path; a tenant's,
/// allocation's or department key's pool path; a scoped key's pool path; empty for the whole tree),
/// and its tenant. Clouds are <see cref="Shared"/>: outside the tree, seen by every reader.
/// </summary>
public sealed record Resource(ResourceKind Kind, string? Id, IReadOnlyList<string> Path, string? Tenant = null, bool Shared = false)
{
    public static Resource WholeTree(ResourceKind kind = ResourceKind.Tree, string? id = null) => new(kind, id, []);

    public static Resource Cloud(string? id) => new(ResourceKind.Cloud, id, [], Shared: true);

    public static Resource Pool(IReadOnlyList<string> rootToPool) => new(ResourceKind.Pool, rootToPool[^1], rootToPool);

    /// <summary>"pool:hefei", "allocation:alloc-…", "tree" for the whole tree.</summary>
    public string Target => Id is null ? Kind.ToString().ToLowerInvariant() : $"{Kind.ToString().ToLowerInvariant()}:{Id}";

    public AuditScope Scope => AuditScope.Of(Path, Tenant);
}
