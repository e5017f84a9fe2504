using CloudMgmt.Grains.Keys;
using CloudMgmt.Host.Auth;

namespace CloudMgmt.Host.Api;

internal static class KeyEndpoints
{
    public static void MapKeys(this IEndpointRouteBuilder api)
    {
        var keys = api.MapGroup("/keys").WithTags("API keys").RequireAuthorization(Roles.CanOperate);
        keys.MapPost("/", Create).WithSummary("Create an API key; the response carries its token once, in 'token'");
        keys.MapGet("/", List).WithSummary("List API keys (never their tokens)");
        keys.MapDelete("/{id}", Revoke).WithSummary("Revoke an API key");
    }

    private static IKeyStoreGrain Store(IGrainFactory grains) => grains.GetGrain<IKeyStoreGrain>(KeyStoreGrain.Key);

    private static async Task<IResult> Create(CreateKeyRequest body, IGrainFactory grains)
    {
        var v = new Validation();
        var role = Roles.Parse(body.Role);
        if (role is null)
        {
            v.Add("role", $"must be one of '{Roles.Operator}', '{Roles.Department}', '{Roles.Viewer}'");
        }

        v.Id("tenant", body.Tenant, required: false);
        if (!v.Ok)
        {
            return v.Problem();
        }

        var outcome = await Store(grains).Create(role!.Value, body.Tenant, body.Name);
        return Problems.Of(outcome, issued => Results.Created($"/api/v1/keys/{issued.Key.Id}", new IssuedKeyResponse(
            issued.Key.Id, issued.Key.Name, Dto.Key(issued.Key).Role, issued.Key.Tenant, issued.Key.CreatedAt, issued.Token)));
    }

    private static async Task<IResult> List(IGrainFactory grains) => Results.Ok((await Store(grains).List()).Select(Dto.Key));

    private static async Task<IResult> Revoke(string id, IGrainFactory grains, KeyCache cache)
    {
        if (!await Store(grains).Revoke(id))
        {
            return Problems.NotFound($"API key '{TextRules.Echo(id)}' does not exist");
        }

        cache.ForgetAll();
        return Results.NoContent();
    }
}
