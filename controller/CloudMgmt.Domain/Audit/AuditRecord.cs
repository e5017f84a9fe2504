namespace CloudMgmt.Domain.Audit;

/// <summary>Who acted: an API key, a user of the province's identity provider, or the controller itself.</summary>
/// <param name="Kind">"key", "oidc", "system", or "anonymous" for a request that named nobody the controller knows.</param>
public sealed record AuditActor(string Kind, string? Id, string? Name, string? Role, string? Tenant, string? Pool)
{
    /// <summary>"kind:id", the form history entries and the audit filter use ("key:key-1a2b", "system:reconciler").</summary>
    public string Ref => Id is null ? Kind : $"{Kind}:{Id}";

    public static AuditActor System(string name) => new("system", name, name, null, null, null);
}

/// <summary>Where a record belongs in the tree, so that a scoped reader sees the records of its part and no more.</summary>
/// <param name="PoolPath">The pools from the root down to the target's pool ("/province/hefei/feixi/"), or "" for the whole tree.</param>
/// <param name="Tenant">The target's tenant, when it has one.</param>
public sealed record AuditScope(string PoolPath, string? Tenant)
{
    public static readonly AuditScope Global = new("", null);

    public static AuditScope Of(IEnumerable<string> rootToLeaf, string? tenant = null)
    {
        var path = string.Concat(rootToLeaf.Select(p => "/" + p));
        return new(path.Length == 0 ? "" : path + "/", tenant);
    }
}

/// <summary>What happened, as the application layer reports it; the store gives it its id and its place in the chain.</summary>
/// <param name="At">When; kept to the millisecond, which every store can hold exactly (the hash covers it).</param>
/// <param name="Outcome">The HTTP status the request was answered with (200, 201, 401, 403, 404, 409...).</param>
/// <param name="Detail">What changed (old → new for quotas and limits) or why it was refused; never a secret.</param>
public sealed record AuditEntry(
    DateTimeOffset At, AuditActor Actor, string? Source, string? RequestId, string Action, string? Target, int Outcome, string? Detail,
    AuditScope Scope)
{
    public AuditEntry Normalized() => this with { At = AuditChain.Truncate(At) };
}

/// <summary>One stored record: the entry, its id (1, 2, 3... in the order stored) and its link in the hash chain.</summary>
public sealed record AuditRecord(long Id, AuditEntry Entry, string PrevHash, string Hash);
