using System.Security.Claims;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Host.Auth;

namespace CloudMgmt.Host.Api;

internal static class PoolEndpoints
{
    public static void MapPools(this IEndpointRouteBuilder api)
    {
        var pools = api.MapGroup("/pools").WithTags("Pools");
        pools.MapPost("/", Create).RequireAuthorization(Roles.CanOperate)
            .WithSummary("Create a quota pool (province > city > county > department)");
        pools.MapGet("/", List).RequireAuthorization(Roles.CanRead).WithSummary("List pools with quota, reserved and borrowed");
        pools.MapGet("/tree", Tree).RequireAuthorization(Roles.CanRead).WithSummary("The pool tree");
        pools.MapGet("/{id}", Get).RequireAuthorization(Roles.CanRead).WithSummary("One pool");
        pools.MapPatch("/{id}", Update).RequireAuthorization(Roles.CanOperate)
            .WithSummary("Change a pool's quota, limits or approval threshold");
    }

    private static ICatalogGrain Catalog(IGrainFactory grains) => grains.GetGrain<ICatalogGrain>(CatalogGrain.Key);

    private static async Task<IResult> Create(CreatePoolRequest body, IGrainFactory grains)
    {
        var v = new Validation();
        var id = v.Id("id", body.Id);
        var parent = v.Id("parent", body.Parent, required: false);
        var quota = v.Resources("quota", body.Quota, required: true);
        var borrowing = v.Resources("borrowingLimit", body.BorrowingLimit, required: false);
        v.Limits("lendingLimit", body.LendingLimit);
        v.Limits("approvalThreshold", body.ApprovalThreshold);
        if (!v.Ok)
        {
            return v.Problem();
        }

        var outcome = await Catalog(grains).CreatePool(new PoolSpec(id!, parent, body.DisplayName, quota!, borrowing,
            body.LendingLimit, body.ApprovalThreshold));
        return await Respond(outcome, grains, created: true);
    }

    private static async Task<IResult> Update(string id, UpdatePoolRequest body, IGrainFactory grains)
    {
        var v = new Validation();
        var quota = v.Resources("quota", body.Quota, required: false);
        var borrowing = v.Resources("borrowingLimit", body.BorrowingLimit, required: false);
        v.Limits("lendingLimit", body.LendingLimit);
        v.Limits("approvalThreshold", body.ApprovalThreshold);
        if (!v.Ok)
        {
            return v.Problem();
        }

        var outcome = await Catalog(grains).UpdatePool(id, new PoolUpdate(body.DisplayName, quota, borrowing, body.LendingLimit, body.ApprovalThreshold));
        return await Respond(outcome, grains, created: false);
    }

    private static async Task<IResult> Get(string id, IGrainFactory grains, ClaimsPrincipal user)
    {
        var scope = await PoolScope.OfAsync(user, Catalog(grains));
        return scope.MaySee(id) && await Catalog(grains).GetPool(id) is { } spec
            ? Results.Ok(await ViewAsync(spec, grains, scope))
            : Problems.NotFound($"pool '{TextRules.Echo(id)}' does not exist");
    }

    private static async Task<IResult> List(IGrainFactory grains, ClaimsPrincipal user)
    {
        var scope = await PoolScope.OfAsync(user, Catalog(grains));
        var specs = (await Catalog(grains).ListPools()).Where(s => scope.MaySee(s.Id));
        return Results.Ok(await Task.WhenAll(specs.Select(s => ViewAsync(s, grains, scope))));
    }

    /// <summary>The roots and their descendants; for a department key, its pool path alone.</summary>
    private static async Task<IResult> Tree(IGrainFactory grains, ClaimsPrincipal user)
    {
        var scope = await PoolScope.OfAsync(user, Catalog(grains));
        var specs = (await Catalog(grains).ListPools()).Where(s => scope.MaySee(s.Id)).ToList();
        var views = (await Task.WhenAll(specs.Select(s => ViewAsync(s, grains, scope)))).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var children = specs.Where(s => s.Parent is not null).ToLookup(s => s.Parent!, StringComparer.Ordinal);
        PoolTreeNode Node(string id) => new(views[id], children[id].Select(c => Node(c.Id)).ToList());
        return Results.Ok(specs.Where(s => s.Parent is null).Select(s => Node(s.Id)).ToList());
    }

    private static async Task<PoolResponse> ViewAsync(PoolSpec spec, IGrainFactory grains, PoolScope? scope = null) =>
        Dto.Pool(spec, await grains.GetGrain<IQuotaPoolGrain>(spec.Id).GetUsage(), scope?.MaySeeUsage(spec.Id) ?? true);

    private static async Task<IResult> Respond(Grains.Outcome<PoolSpec> outcome, IGrainFactory grains, bool created)
    {
        if (outcome.Failure is { } failure)
        {
            return Problems.From(failure);
        }

        var view = await ViewAsync(outcome.Value!, grains);
        return created ? Results.Created($"/api/v1/pools/{view.Id}", view) : Results.Ok(view);
    }
}
