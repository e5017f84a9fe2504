using CloudMgmt.Grains.Keys;

namespace CloudMgmt.Application.Access;

public enum AccessKind
{
    Allowed,

    /// <summary>403: the caller's role (or scope) may never do this; says nothing about the resource.</summary>
    Forbidden,

    /// <summary>404: the resource is outside the caller's part of the tree, and is answered exactly as a missing one.</summary>
    Hidden,
}

/// <param name="Reason">Why, for the audit record; never shown to a caller for <see cref="AccessKind.Hidden"/>.</param>
public sealed record AccessDecision(AccessKind Kind, string? Reason = null)
{
    public static readonly AccessDecision Allow = new(AccessKind.Allowed);

    public bool Allowed => Kind == AccessKind.Allowed;

    public static AccessDecision Forbid(string reason) => new(AccessKind.Forbidden, reason);

    public static AccessDecision Hide(string reason) => new(AccessKind.Hidden, reason);
}

/// <summary>
/// The one place that decides who may do what to which resource. The role comes first, so that a
/// refusal for the role (403) never depends on the resource and tells nothing about it; then the
/// caller's part of the tree, outside which a resource reads as missing (404):
/// <list type="bullet">
/// <item>an unscoped operator or viewer reaches the whole tree;</item>
/// <item>one scoped to a pool reaches that pool and everything below it; an operator scoped so manages the
/// pools below its pool, not the pool itself, and never clouds, policies or global settings;</item>
/// <item>a department reaches its tenant (its allocations) and reads the pools on its tenant's path.</item>
/// </list>
/// Shared infrastructure (clouds) is outside the tree: every reader sees it; what each role sees of it is the cloud view's business.
/// </summary>
public static class AccessPolicy
{
    /// <param name="tenantPath">For a department: its tenant's pool path, root first (pools on it are readable).</param>
    public static AccessDecision Decide(Principal caller, Operation operation, Resource resource, IReadOnlyList<string>? tenantPath = null)
    {
        if (caller.Kind == PrincipalKind.System)
        {
            return AccessDecision.Allow;
        }

        if (!operation.Roles.Contains(caller.Role))
        {
            return AccessDecision.Forbid($"the {Roles.Name(caller.Role)} role may not {operation.Name}");
        }

        if (operation.WholeTreeOnly && !caller.Unscoped)
        {
            return AccessDecision.Forbid($"{operation.Name} is for callers that reach the whole tree; this one is scoped to {Scope(caller)}");
        }

        if (!Reaches(caller, resource, tenantPath))
        {
            return AccessDecision.Hide($"{resource.Target} is outside {Scope(caller)}");
        }

        if (operation.Changes && resource.Kind == ResourceKind.Pool && caller.Pool is { } own && resource.Path.Count > 0 && resource.Path[^1] == own)
        {
            return AccessDecision.Forbid($"an operator scoped to pool '{own}' manages the pools below it, not '{own}' itself");
        }

        return AccessDecision.Allow;
    }

    /// <summary>Whether <paramref name="resource"/> lies in the caller's part of the tree (before any question of role).</summary>
    public static bool Reaches(Principal caller, Resource resource, IReadOnlyList<string>? tenantPath = null)
    {
        if (caller.Kind == PrincipalKind.System || (caller.Unscoped && caller.Role != ApiRole.Department) || resource.Shared)
        {
            return true;
        }

        if (caller.Pool is { } pool)
        {
            return resource.Path.Contains(pool, StringComparer.Ordinal);
        }

        if (caller.Tenant is { } tenant)
        {
            return string.Equals(resource.Tenant, tenant, StringComparison.Ordinal)
                || resource.Kind == ResourceKind.Pool && tenantPath is not null && IsPrefix(resource.Path, tenantPath);
        }

        return false; // a department bound to no tenant reaches nothing
    }

    /// <summary>"pool 'hefei'", "tenant 'health'" or "the whole tree": how audit details name a caller's part.</summary>
    public static string Scope(Principal caller) =>
        caller.Pool is { } pool ? $"pool '{pool}'" : caller.Tenant is { } tenant ? $"tenant '{tenant}'" : "the whole tree";

    private static bool IsPrefix(IReadOnlyList<string> prefix, IReadOnlyList<string> path) =>
        prefix.Count > 0 && prefix.Count <= path.Count && prefix.Select((p, i) => string.Equals(p, path[i], StringComparison.Ordinal)).All(x => x);
}
