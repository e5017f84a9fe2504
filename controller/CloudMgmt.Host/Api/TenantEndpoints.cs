using CloudMgmt.Application.Tenants;
using CloudMgmt.Host.Auth;

namespace CloudMgmt.Host.Api;

/// <summary>Tenants: thin over <see cref="TenantService"/>.</summary>
internal static class TenantEndpoints
{
    public static void MapTenants(this IEndpointRouteBuilder api)
    {
        var tenants = api.MapGroup("/tenants").WithTags("Tenants").RequireAuthorization(Roles.Authenticated);
        tenants.MapPost("/", async (CreateTenantRequest body, HttpContext http, TenantService service) =>
                Problems.Of(await service.CreateAsync(http.Caller(), body), t => Results.Created($"/api/v1/tenants/{t.Id}", t)))
            .WithSummary("Create a tenant (a department) under a pool the caller reaches");
        tenants.MapGet("/", async (HttpContext http, TenantService service) => Problems.Of(await service.ListAsync(http.Caller()), Results.Ok))
            .WithSummary("List the tenants the caller reaches (a department key sees its own)");
        tenants.MapGet("/{id}", async (string id, HttpContext http, TenantService service) => Problems.Of(await service.GetAsync(http.Caller(), id), Results.Ok))
            .WithSummary("One tenant with its usage");
    }
}
