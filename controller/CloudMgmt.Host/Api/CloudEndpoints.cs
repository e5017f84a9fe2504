using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains;
using CloudMgmt.Host.Auth;
using CloudMgmt.Reconciliation.Clouds;

namespace CloudMgmt.Host.Api;

internal static class CloudEndpoints
{
    public static void MapClouds(this IEndpointRouteBuilder api)
    {
        var clouds = api.MapGroup("/clouds").WithTags("Clouds");
        clouds.MapPost("/", Register).RequireAuthorization(Roles.CanOperate).WithSummary("Register a cloud to manage");
        clouds.MapGet("/", List).RequireAuthorization(Roles.CanRead).WithSummary("Clouds with capacity, granted, used and health");
        clouds.MapGet("/{id}", Get).RequireAuthorization(Roles.CanRead).WithSummary("One cloud");
        clouds.MapPatch("/{id}", Update).RequireAuthorization(Roles.CanOperate).WithSummary("Change a cloud's registration");
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

    private static async Task<IResult> Register(RegisterCloudRequest body, IGrainFactory grains, AdapterRegistry adapters)
    {
        var v = new Validation();
        var id = v.Id("id", body.Id);
        if (body.Kind is null || !adapters.Knows(body.Kind))
        {
            v.Add("kind", $"must be one of: {string.Join(", ", adapters.Kinds)}");
        }

        if (string.IsNullOrWhiteSpace(body.Region))
        {
            v.Add("region", "is required, e.g. \"anhui\"");
        }

        if (!v.Ok)
        {
            return v.Problem();
        }

        var spec = new CloudSpec(id!, body.Kind!, body.Region!, body.Labels ?? [], body.Endpoint, body.CredentialsRef, body.Settings ?? []);
        return Problems.Of(await Cloud(grains, id!).Register(spec), c => Results.Created($"/api/v1/clouds/{id}", CloudResponse.From(c)));
    }

    private static async Task<IResult> List(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).List();
        var views = await Task.WhenAll(ids.Select(id => Cloud(grains, id).Get()));
        return Results.Ok(views.OfType<CloudView>().Select(CloudResponse.From));
    }

    private static async Task<IResult> Get(string id, IGrainFactory grains) =>
        await Cloud(grains, id).Get() is { } view ? Results.Ok(CloudResponse.From(view)) : Missing(id);

    private static async Task<IResult> Update(string id, UpdateCloudRequest body, IGrainFactory grains) =>
        Problems.Of(await Cloud(grains, id).Update(new CloudUpdate(body.Region, body.Labels, body.Endpoint, body.CredentialsRef, body.Settings)),
            c => Results.Ok(CloudResponse.From(c)));

    private static async Task<IResult> Drain(string id, bool drained, IGrainFactory grains) =>
        Problems.Of(await Cloud(grains, id).SetDrained(drained), c => Results.Ok(CloudResponse.From(c)));

    private static async Task<IResult> Reconcile(
        string id, CloudRefresher refresher, GrantReconciler reconciler, CancellationToken cancellationToken)
    {
        if (await refresher.RefreshAsync(id, cancellationToken) is null)
        {
            return Missing(id);
        }

        await reconciler.ReconcileAsync(id, cancellationToken);
        return await refresher.RefreshAsync(id, cancellationToken) is { } view ? Results.Ok(CloudResponse.From(view)) : Missing(id);
    }

    private static async Task<IResult> Remove(string id, IGrainFactory grains) =>
        Problems.Of(await Cloud(grains, id).Remove(), _ => Results.NoContent());

    private static IResult Missing(string id) => Problems.From(Failure.NotFound($"cloud '{TextRules.Echo(id)}' is not registered"));
}
