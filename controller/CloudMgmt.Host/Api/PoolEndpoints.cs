using CloudMgmt.Application.Pools;
using CloudMgmt.Host.Auth;

namespace CloudMgmt.Host.Api;

/// <summary>The quota tree: thin over <see cref="PoolService"/>.</summary>
internal static class PoolEndpoints
{
    public static void MapPools(this IEndpointRouteBuilder api)
    {
        var pools = api.MapGroup("/pools").WithTags("Pools").RequireAuthorization(Roles.Authenticated);
        pools.MapPost("/", async (CreatePoolRequest body, HttpContext http, PoolService service) =>
                Problems.Of(await service.CreateAsync(http.Caller(), body), p => Results.Created($"/api/v1/pools/{p.Id}", p)))
            .WithSummary("Create a quota pool (province > city > county > department); an operator scoped to a pool creates pools below it");
        pools.MapGet("/", async (HttpContext http, PoolService service) => Problems.Of(await service.ListAsync(http.Caller()), Results.Ok))
            .WithSummary("List the pools the caller reaches, with quota, reserved and borrowed");
        pools.MapGet("/tree", async (HttpContext http, PoolService service) => Problems.Of(await service.TreeAsync(http.Caller()), Results.Ok))
            .WithSummary("The pool tree the caller reaches (a scoped caller's pool is its root)");
        pools.MapGet("/{id}", async (string id, HttpContext http, PoolService service) => Problems.Of(await service.GetAsync(http.Caller(), id), Results.Ok))
            .WithSummary("One pool");
        pools.MapPatch("/{id}", async (string id, UpdatePoolRequest body, HttpContext http, PoolService service) =>
                Problems.Of(await service.UpdateAsync(http.Caller(), id, body), Results.Ok))
            .WithSummary("Change a pool's quota, limits or approval threshold (an operator scoped to a pool changes the pools below it, not its own)");
    }
}
