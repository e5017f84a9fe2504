using CloudMgmt.Application.Access;
using CloudMgmt.Application.Audit;
using CloudMgmt.Application.Tree;
using CloudMgmt.Grains;
using CloudMgmt.Grains.Pools;

namespace CloudMgmt.Application.Pools;

/// <summary>
/// The quota tree. Callers read the pools they reach (a department: those on its tenant's path); an
/// operator scoped to a pool creates and changes the pools below it, never its own or one above.
/// </summary>
public sealed class PoolService(IGrainFactory grains, AccessCheck access, AuditTrail audit)
{
    private ICatalogGrain Catalog => access.Tree.Catalog;

    public async Task<Outcome<PoolResponse>> CreateAsync(Caller caller, CreatePoolRequest body)
    {
        var target = new Resource(ResourceKind.Pool, body.Id, []);
        if (await access.RoleAsync(caller, Operations.PoolCreate, target) is { } refused)
        {
            return refused;
        }

        var v = new Validation();
        var id = v.Id("id", body.Id);
        var parent = v.Id("parent", body.Parent, required: false);
        var quota = v.Resources("quota", body.Quota, required: true);
        var borrowing = v.Resources("borrowingLimit", body.BorrowingLimit, required: false);
        v.Limits("lendingLimit", body.LendingLimit);
        v.Limits("approvalThreshold", body.ApprovalThreshold);
        if (v.Failure() is { } invalid)
        {
            return await audit.RefuseAsync(caller, Operations.PoolCreate, target, invalid);
        }

        if (parent is null && !caller.Principal.Unscoped)
        {
            return await audit.RefuseAsync(caller, Operations.PoolCreate, target,
                Failure.Forbidden($"only callers that reach the whole tree create a root pool; this one is scoped to {AccessPolicy.Scope(caller.Principal)}"));
        }

        var missingParent = Failure.Invalid("parent", $"parent pool '{TextRules.Echo(parent)}' does not exist; create it first");
        IReadOnlyList<string> path = [id!];
        if (parent is not null)
        {
            if (await access.Tree.PoolPathAsync(parent) is not { } parentPath)
            {
                return await access.MissingAsync(caller, Operations.PoolCreate, target, missingParent);
            }

            path = [.. parentPath, id!];
        }

        var resource = Resource.Pool(path);
        if (await access.ResourceAsync(caller, Operations.PoolCreate, resource, missingParent) is { } hidden)
        {
            return hidden;
        }

        var outcome = await Catalog.CreatePool(new PoolSpec(id!, parent, body.DisplayName, quota!, borrowing, body.LendingLimit, body.ApprovalThreshold));
        var view = await ViewAsync(outcome);
        return await audit.RecordAsync(caller, Operations.PoolCreate, resource, view, Outcomes.Created, p =>
            $"quota {Changes.Show(p.Quota)}" + (p.Parent is null ? "" : $" under '{p.Parent}'"));
    }

    public async Task<Outcome<PoolResponse>> UpdateAsync(Caller caller, string id, UpdatePoolRequest body)
    {
        var (resource, refused) = await FindAsync(caller, Operations.PoolUpdate, id);
        if (refused is not null)
        {
            return refused;
        }

        var v = new Validation();
        var quota = v.Resources("quota", body.Quota, required: false);
        var borrowing = v.Resources("borrowingLimit", body.BorrowingLimit, required: false);
        v.Limits("lendingLimit", body.LendingLimit);
        v.Limits("approvalThreshold", body.ApprovalThreshold);
        if (v.Failure() is { } invalid)
        {
            return await audit.RefuseAsync(caller, Operations.PoolUpdate, resource!, invalid);
        }

        var before = await Catalog.GetPool(id);
        var outcome = await Catalog.UpdatePool(id, new PoolUpdate(body.DisplayName, quota, borrowing, body.LendingLimit, body.ApprovalThreshold));
        var after = outcome.Value;
        return await audit.RecordAsync(caller, Operations.PoolUpdate, resource!, await ViewAsync(outcome), Outcomes.Ok, _ => new Changes()
            .Field("displayName", before?.DisplayName, after?.DisplayName)
            .Field("quota", before?.Quota, after?.Quota)
            .Field("borrowingLimit", before?.BorrowingLimit, after?.BorrowingLimit)
            .Field("lendingLimit", before?.LendingLimit, after?.LendingLimit)
            .Field("approvalThreshold", before?.ApprovalThreshold, after?.ApprovalThreshold).ToString());
    }

    public async Task<Outcome<PoolResponse>> GetAsync(Caller caller, string id)
    {
        if ((await FindAsync(caller, Operations.PoolRead, id)).Refused is { } refused)
        {
            return refused;
        }

        var showUsage = await UsageShownAsync(caller);
        return await Catalog.GetPool(id) is { } spec ? await ViewAsync(spec, showUsage) : Failure.NotFound($"pool '{TextRules.Echo(id)}' does not exist");
    }

    public async Task<Outcome<IReadOnlyList<PoolResponse>>> ListAsync(Caller caller)
    {
        if (await access.RoleAsync(caller, Operations.PoolRead, Resource.WholeTree()) is { } refused)
        {
            return refused;
        }

        var showUsage = await UsageShownAsync(caller);
        return await Task.WhenAll((await VisibleAsync(caller)).Select(p => ViewAsync(p, showUsage)));
    }

    /// <summary>The pools the caller reaches, as a forest: a scoped caller's pool is its root.</summary>
    public async Task<Outcome<IReadOnlyList<PoolTreeNode>>> TreeAsync(Caller caller)
    {
        if (await access.RoleAsync(caller, Operations.PoolRead, Resource.WholeTree()) is { } refused)
        {
            return refused;
        }

        var visible = await VisibleAsync(caller);
        var showUsage = await UsageShownAsync(caller);
        var views = (await Task.WhenAll(visible.Select(p => ViewAsync(p, showUsage)))).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var children = visible.Where(s => s.Parent is not null && views.ContainsKey(s.Parent)).ToLookup(s => s.Parent!, StringComparer.Ordinal);
        PoolTreeNode Node(string id) => new(views[id], children[id].Select(c => Node(c.Id)).ToList());
        return visible.Where(s => s.Parent is null || !views.ContainsKey(s.Parent)).Select(s => Node(s.Id)).ToList();
    }

    /// <summary>The pools the caller reaches, in id order.</summary>
    private async Task<IReadOnlyList<PoolSpec>> VisibleAsync(Caller caller)
    {
        var specs = await Catalog.ListPools();
        var paths = TreeLookup.Paths(specs);
        var tenantPath = await access.Tree.TenantPathOfAsync(caller.Principal);
        return specs.Where(s => AccessCheck.Reaches(caller, Resource.Pool(paths[s.Id]), tenantPath)).ToList();
    }

    /// <summary>An existing pool the caller may <paramref name="operation"/>; otherwise the refusal, recorded.</summary>
    private async Task<(Resource? Resource, Failure? Refused)> FindAsync(Caller caller, Operation operation, string id)
    {
        var target = new Resource(ResourceKind.Pool, id, []);
        if (await access.RoleAsync(caller, operation, target) is { } refused)
        {
            return (null, refused);
        }

        var missing = Failure.NotFound($"pool '{TextRules.Echo(id)}' does not exist");
        if (await access.Tree.PoolAsync(id) is not { } resource)
        {
            return (null, await access.MissingAsync(caller, operation, target, missing));
        }

        return await access.ResourceAsync(caller, operation, resource, missing) is { } hidden ? (null, hidden) : (resource, null);
    }

    /// <summary>
    /// Which pools' usage figures (reserved, borrowed, reservations) the caller may see: all, but for a
    /// department only those whose subtree serves its tenant alone; elsewhere they would show what
    /// other tenants hold. A department sees the quotas and limits of its whole path.
    /// </summary>
    private async Task<Func<string, bool>> UsageShownAsync(Caller caller)
    {
        if (caller.Principal.Role != Grains.Keys.ApiRole.Department)
        {
            return _ => true;
        }

        var pools = await Catalog.ListPools();
        var tenants = await Catalog.ListTenants();
        var children = pools.Where(p => p.Parent is not null).ToLookup(p => p.Parent!, p => p.Id, StringComparer.Ordinal);
        var tenantsOf = tenants.ToLookup(t => t.Pool, t => t.Id, StringComparer.Ordinal);
        bool ServesOnly(string poolId) => tenantsOf[poolId].All(t => t == caller.Principal.Tenant) && children[poolId].All(ServesOnly);
        return ServesOnly;
    }

    private async Task<Outcome<PoolResponse>> ViewAsync(Outcome<PoolSpec> outcome) =>
        outcome.Failure is { } failure ? failure : await ViewAsync(outcome.Value!, _ => true);

    private async Task<PoolResponse> ViewAsync(PoolSpec spec, Func<string, bool> showUsage) =>
        PoolResponse.From(spec, await grains.GetGrain<IQuotaPoolGrain>(spec.Id).GetUsage(), showUsage(spec.Id));
}
