using CloudMgmt.Application.Audit;
using CloudMgmt.Application.Tree;
using CloudMgmt.Grains;

namespace CloudMgmt.Application.Access;

/// <summary>
/// Applies <see cref="AccessPolicy"/> inside a use case and records every refusal: a 403 for the
/// role, a 404 for a resource outside the caller's part of the tree, answered exactly as a missing
/// one (which is recorded too, so that the two take the same time and leave the same trace).
/// </summary>
public sealed class AccessCheck(AuditTrail audit, TreeLookup tree)
{
    public TreeLookup Tree => tree;

    /// <summary>The role half, before anything is looked up: a refusal here says nothing about the resource.</summary>
    public async Task<Failure?> RoleAsync(Caller caller, Operation operation, Resource target)
    {
        var decision = AccessPolicy.Decide(caller.Principal, operation, target.Shared ? target : Resource.WholeTree());
        if (decision.Kind != AccessKind.Forbidden)
        {
            return null;
        }

        await audit.RecordAsync(caller, operation.Name, target, Outcomes.Of(FailureKind.Forbidden), decision.Reason);
        return Failure.Forbidden(decision.Reason!);
    }

    /// <summary>The whole decision on a resource that exists; <paramref name="missing"/> is what a missing one would be told.</summary>
    public async Task<Failure?> ResourceAsync(Caller caller, Operation operation, Resource resource, Failure missing)
    {
        var decision = AccessPolicy.Decide(caller.Principal, operation, resource, await tree.TenantPathOfAsync(caller.Principal));
        if (decision.Allowed)
        {
            return null;
        }

        var answer = decision.Kind == AccessKind.Hidden ? missing : Failure.Forbidden(decision.Reason!);
        await audit.RecordAsync(caller, operation.Name, resource, Outcomes.Of(answer.Kind), decision.Reason);
        return answer;
    }

    /// <summary>A resource that does not exist: recorded like a hidden one, answered with <paramref name="missing"/>.</summary>
    public async Task<Failure> MissingAsync(Caller caller, Operation operation, Resource target, Failure missing)
    {
        await audit.RecordAsync(caller, operation.Name, target, Outcomes.Of(missing.Kind), missing.Detail);
        return missing;
    }

    /// <summary>Whether the caller reaches <paramref name="resource"/> (for filtering lists; nothing recorded).</summary>
    public static bool Reaches(Caller caller, Resource resource, IReadOnlyList<string>? tenantPath) =>
        AccessPolicy.Reaches(caller.Principal, resource, tenantPath);
}
