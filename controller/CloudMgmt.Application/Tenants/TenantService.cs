using CloudMgmt.Application.Access;
using CloudMgmt.Application.Audit;
using CloudMgmt.Application.Tree;
using CloudMgmt.Grains;
using CloudMgmt.Grains.Tenants;

namespace CloudMgmt.Application.Tenants;

/// <summary>Tenants (departments): made under a pool by an operator that reaches it; read by those that reach them.</summary>
public sealed class TenantService(IGrainFactory grains, AccessCheck access, AuditTrail audit)
{
    public async Task<Outcome<TenantResponse>> CreateAsync(Caller caller, CreateTenantRequest body)
    {
        var target = new Resource(ResourceKind.Tenant, body.Id, [], body.Id);
        if (await access.RoleAsync(caller, Operations.TenantCreate, target) is { } refused)
        {
            return refused;
        }

        var v = new Validation();
        var id = v.Id("id", body.Id);
        var pool = v.Id("pool", body.Pool);
        if (v.Failure() is { } invalid)
        {
            return await audit.RefuseAsync(caller, Operations.TenantCreate, target, invalid);
        }

        var missingPool = Failure.Invalid("pool", $"pool '{TextRules.Echo(pool)}' does not exist");
        if (await access.Tree.PoolPathAsync(pool!) is not { } path)
        {
            return await access.MissingAsync(caller, Operations.TenantCreate, target, missingPool);
        }

        var resource = TreeLookup.Tenant(id!, path);
        if (await access.ResourceAsync(caller, Operations.TenantCreate, resource, missingPool) is { } hidden)
        {
            return hidden;
        }

        var outcome = await access.Tree.Catalog.CreateTenant(new TenantSpec(id!, pool!, body.DisplayName));
        var view = outcome.Failure is { } failure ? failure : (Outcome<TenantResponse>)await ViewAsync(outcome.Value!);
        return await audit.RecordAsync(caller, Operations.TenantCreate, resource, view, Outcomes.Created, t => $"under pool '{t.Pool}'");
    }

    public async Task<Outcome<TenantResponse>> GetAsync(Caller caller, string id)
    {
        var target = new Resource(ResourceKind.Tenant, id, [], id);
        if (await access.RoleAsync(caller, Operations.TenantRead, target) is { } refused)
        {
            return refused;
        }

        var missing = Failure.NotFound($"tenant '{TextRules.Echo(id)}' does not exist");
        if (await access.Tree.TenantAsync(id) is not var (spec, resource))
        {
            return await access.MissingAsync(caller, Operations.TenantRead, target, missing);
        }

        return await access.ResourceAsync(caller, Operations.TenantRead, resource, missing) is { } hidden ? hidden : await ViewAsync(spec);
    }

    public async Task<Outcome<IReadOnlyList<TenantResponse>>> ListAsync(Caller caller)
    {
        if (await access.RoleAsync(caller, Operations.TenantRead, Resource.WholeTree()) is { } refused)
        {
            return refused;
        }

        return await Task.WhenAll((await access.Tree.VisibleTenantsAsync(caller.Principal)).Select(ViewAsync));
    }

    private async Task<TenantResponse> ViewAsync(TenantSpec spec) =>
        TenantResponse.From(spec, await grains.GetGrain<ITenantGrain>(spec.Id).GetUsage());
}
