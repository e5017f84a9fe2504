using CloudMgmt.Application.Clouds;
using CloudMgmt.Host.Auth;
using Microsoft.AspNetCore.Mvc;

namespace CloudMgmt.Host.Api;

/// <summary>The clouds under management: thin over <see cref="CloudService"/>, which decides who may see and change what.</summary>
internal static class CloudEndpoints
{
    public static void MapClouds(this IEndpointRouteBuilder api)
    {
        var clouds = api.MapGroup("/clouds").WithTags("Clouds").RequireAuthorization(Roles.Authenticated);
        clouds.MapPost("/", Register)
            .WithSummary("Register a cloud to manage (unscoped operators); ?dryRun=true validates it and tries its connection, storing nothing");
        clouds.MapGet("/", async (HttpContext http, CloudService service) => Problems.Of(await service.ListAsync(http.Caller()), Results.Ok))
            .WithSummary("Clouds with capacity, granted, used and health (endpoint, credentialsRef and settings for unscoped operators only)");
        clouds.MapGet("/{id}", async (string id, HttpContext http, CloudService service) => Problems.Of(await service.GetAsync(http.Caller(), id), Results.Ok))
            .WithSummary("One cloud (endpoint, credentialsRef and settings for unscoped operators only)");
        clouds.MapPatch("/{id}", async (string id, UpdateCloudRequest body, HttpContext http, CloudService service) =>
                Problems.Of(await service.UpdateAsync(http.Caller(), id, body), Results.Ok))
            .WithSummary("Change a cloud's registration; a new endpoint needs credentialsRef given again");
        clouds.MapPost("/{id}/drain", async (string id, HttpContext http, CloudService service) =>
                Problems.Of(await service.SetDrainedAsync(http.Caller(), id, true), Results.Ok))
            .WithSummary("Drain: keep existing grants, place nothing new");
        clouds.MapPost("/{id}/undrain", async (string id, HttpContext http, CloudService service) =>
                Problems.Of(await service.SetDrainedAsync(http.Caller(), id, false), Results.Ok))
            .WithSummary("End a drain");
        clouds.MapPost("/{id}/reconcile", async (string id, HttpContext http, CloudService service, CancellationToken ct) =>
                Problems.Of(await service.ReconcileAsync(http.Caller(), id, ct), Results.Ok))
            .WithSummary("Reconcile the cloud now (inventory, health, grants) instead of waiting for the schedule");
        api.MapPost("/reconcile", async (HttpContext http, CloudService service, CancellationToken ct) =>
                Problems.Of(await service.ReconcileAllAsync(http.Caller(), ct), n => Results.Ok(new { clouds = n })))
            .RequireAuthorization(Roles.Authenticated).WithTags("Clouds")
            .WithSummary("Run one reconcile pass over every cloud now, instead of waiting for the schedule");
        clouds.MapDelete("/{id}", async (string id, HttpContext http, CloudService service) =>
                Problems.Of(await service.RemoveAsync(http.Caller(), id), _ => Results.NoContent()))
            .WithSummary("Stop managing a cloud");
    }

    private static async Task<IResult> Register(
        RegisterCloudRequest body, [FromQuery] bool? dryRun, HttpContext http, CloudService service, CancellationToken cancellationToken) =>
        dryRun == true
            ? Problems.Of(await service.DryRunAsync(http.Caller(), body, cancellationToken), Results.Ok)
            : Problems.Of(await service.RegisterAsync(http.Caller(), body), c => Results.Created($"/api/v1/clouds/{c.Id}", c));
}
