using System.Security.Claims;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Grains.Tenants;
using CloudMgmt.Host.Auth;

namespace CloudMgmt.Host.Api;

internal static class TenantEndpoints
{
    public static void MapTenants(this IEndpointRouteBuilder api)
    {
        var tenants = api.MapGroup("/tenants").WithTags("Tenants");
        tenants.MapPost("/", Create).RequireAuthorization(Roles.CanOperate).WithSummary("Create a tenant (a department) under a pool");
        tenants.MapGet("/", List).RequireAuthorization(Roles.CanRead).WithSummary("List tenants (a department key sees its own)");
        tenants.MapGet("/{id}", Get).RequireAuthorization(Roles.CanRead).WithSummary("One tenant with its usage");
    }

    private static ICatalogGrain Catalog(IGrainFactory grains) => grains.GetGrain<ICatalogGrain>(CatalogGrain.Key);

    private static async Task<IResult> Create(CreateTenantRequest body, IGrainFactory grains)
    {
        var v = new Validation();
        var id = v.Id("id", body.Id);
        var pool = v.Id("pool", body.Pool);
        if (!v.Ok)
        {
            return v.Problem();
        }

        var outcome = await Catalog(grains).CreateTenant(new TenantSpec(id!, pool!, body.DisplayName));
        if (outcome.Failure is { } failure)
        {
            return Problems.From(failure);
        }

        return Results.Created($"/api/v1/tenants/{id}", await ViewAsync(outcome.Value!, grains));
    }

    private static async Task<IResult> Get(string id, IGrainFactory grains, ClaimsPrincipal user) =>
        user.MaySee(id) && await Catalog(grains).GetTenant(id) is { } spec
            ? Results.Ok(await ViewAsync(spec, grains))
            : Problems.NotFound($"tenant '{TextRules.Echo(id)}' does not exist");

    private static async Task<IResult> List(IGrainFactory grains, ClaimsPrincipal user)
    {
        var specs = (await Catalog(grains).ListTenants()).Where(t => user.MaySee(t.Id));
        return Results.Ok(await Task.WhenAll(specs.Select(s => ViewAsync(s, grains))));
    }

    private static async Task<TenantResponse> ViewAsync(TenantSpec spec, IGrainFactory grains) =>
        Dto.Tenant(spec, await grains.GetGrain<ITenantGrain>(spec.Id).GetUsage());
}
