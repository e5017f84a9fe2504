using CloudMgmt.Application;
using System.Security.Claims;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains;
using CloudMgmt.Host.Auth;
using CloudMgmt.Reconciliation.Clouds;

namespace CloudMgmt.Host.Api;

internal static partial class CloudEndpoints
{
    public static void MapClouds(this IEndpointRouteBuilder api)
    {
        var clouds = api.MapGroup("/clouds").WithTags("Clouds");
        clouds.MapPost("/", Register).RequireAuthorization(Roles.CanOperate)
            .WithSummary("Register a cloud to manage; ?dryRun=true validates it and tries its connection, storing nothing");
        clouds.MapGet("/", List).RequireAuthorization(Roles.CanRead)
            .WithSummary("Clouds with capacity, granted, used and health (endpoint, credentialsRef and settings for operators only)");
        clouds.MapGet("/{id}", Get).RequireAuthorization(Roles.CanRead).WithSummary("One cloud (endpoint, credentialsRef and settings for operators only)");
        clouds.MapPatch("/{id}", Update).RequireAuthorization(Roles.CanOperate)
            .WithSummary("Change a cloud's registration; a new endpoint needs credentialsRef given again");
        clouds.MapPost("/{id}/drain", (string id, IGrainFactory g) => Drain(id, true, g)).RequireAuthorization(Roles.CanOperate)
            .WithSummary("Drain: keep existing grants, place nothing new");
        clouds.MapPost("/{id}/undrain", (string id, IGrainFactory g) => Drain(id, false, g)).RequireAuthorization(Roles.CanOperate)
            .WithSummary("End a drain");
        clouds.MapPost("/{id}/reconcile", Reconcile).RequireAuthorization(Roles.CanOperate)
            .WithSummary("Reconcile the cloud now (inventory, health, grants) instead of waiting for the schedule");
        api.MapPost("/reconcile", async (ReconcilePass pass, CancellationToken ct) => Results.Ok(new { clouds = await pass.RunAsync(ct) }))
            .RequireAuthorization(Roles.CanOperate).WithTags("Clouds")
            .WithSummary("Run one reconcile pass over every cloud now, instead of waiting for the schedule");
        clouds.MapDelete("/{id}", Remove).RequireAuthorization(Roles.CanOperate).WithSummary("Stop managing a cloud");
    }

    private static ICloudGrain Cloud(IGrainFactory grains, string id) => grains.GetGrain<ICloudGrain>(id);

    /// <summary>Only operators see how a cloud is reached; departments and viewers see what it holds and whether it is healthy.</summary>
    private static CloudResponse View(CloudView view, ClaimsPrincipal user) => CloudResponse.From(view, user.IsInRole(Roles.Operator));

    private static async Task<IResult> List(IGrainFactory grains, ClaimsPrincipal user)
    {
        var ids = await grains.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).List();
        var views = await Task.WhenAll(ids.Select(id => Cloud(grains, id).Get()));
        return Results.Ok(views.OfType<CloudView>().Select(v => View(v, user)));
    }

    private static async Task<IResult> Get(string id, IGrainFactory grains, ClaimsPrincipal user) =>
        await Cloud(grains, id).Get() is { } view ? Results.Ok(View(view, user)) : Missing(id);

    private static async Task<IResult> Drain(string id, bool drained, IGrainFactory grains) =>
        Problems.Of(await Cloud(grains, id).SetDrained(drained), c => Results.Ok(CloudResponse.From(c, operatorView: true)));

    private static async Task<IResult> Reconcile(
        string id, CloudRefresher refresher, GrantReconciler reconciler, CancellationToken cancellationToken)
    {
        if (await refresher.RefreshAsync(id, cancellationToken) is null)
        {
            return Missing(id);
        }

        await reconciler.ReconcileAsync(id, cancellationToken);
        return await refresher.RefreshAsync(id, cancellationToken) is { } view ? Results.Ok(CloudResponse.From(view, operatorView: true)) : Missing(id);
    }

    private static async Task<IResult> Remove(string id, IGrainFactory grains) =>
        Problems.Of(await Cloud(grains, id).Remove(), _ => Results.NoContent());

    private static IResult Missing(string id) => Problems.From(Failure.NotFound($"cloud '{TextRules.Echo(id)}' is not registered"));
}
