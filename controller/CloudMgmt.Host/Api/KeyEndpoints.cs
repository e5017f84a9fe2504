using CloudMgmt.Application.Keys;
using CloudMgmt.Host.Auth;

namespace CloudMgmt.Host.Api;

/// <summary>API keys: thin over <see cref="KeyService"/>, which decides who may make, see, rotate and revoke which key.</summary>
internal static class KeyEndpoints
{
    public static void MapKeys(this IEndpointRouteBuilder api)
    {
        var keys = api.MapGroup("/keys").WithTags("API keys").RequireAuthorization(Roles.Authenticated);
        keys.MapPost("/", async (CreateKeyRequest body, HttpContext http, KeyService service) =>
                Problems.Of(await service.CreateAsync(http.Caller(), body), k => Results.Created($"/api/v1/keys/{k.Id}", k)))
            .WithSummary("Create an API key (optionally scoped to a pool, with an expiry; never broader than the caller's own); the response carries its token once");
        keys.MapGet("/", async (HttpContext http, KeyService service) => Problems.Of(await service.ListAsync(http.Caller()), Results.Ok))
            .WithSummary("List the API keys in the caller's part of the tree, with who made them and when they were last used (never their tokens)");
        keys.MapPost("/{id}/rotate", async (string id, RotateKeyRequest? body, HttpContext http, KeyService service) =>
                Problems.Of(await service.RotateAsync(http.Caller(), id, body), Results.Ok))
            .WithSummary("A new token for the key, shown once; the old one keeps working for {\"grace\": \"PT1H\"} (default none)");
        keys.MapDelete("/{id}", async (string id, HttpContext http, KeyService service) =>
                Problems.Of(await service.RevokeAsync(http.Caller(), id), _ => Results.NoContent()))
            .WithSummary("Revoke an API key, at once on every node");
    }
}
