using System.Text.Encodings.Web;
using CloudMgmt.Application.Access;
using CloudMgmt.Application.Keys;
using CloudMgmt.Grains.Keys;
using CloudMgmt.Host.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Host.Auth;

/// <summary>
/// Bearer API keys, looked up through <see cref="KeyLookup"/> (answers kept per node until any key
/// changes; expiry checked on every use). A refused token is noted with its key id when it belongs
/// to one (revoked, expired, rotated), for the audit record of the 401.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, KeyLookup keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var result = await keys.AuthenticateAsync(header["Bearer ".Length..].Trim());
        if (result.Principal is not { } principal)
        {
            var why = result.Status switch
            {
                KeyStatus.Revoked => "the API key is revoked",
                KeyStatus.Expired => "the API key has expired",
                KeyStatus.Rotated => "the API key was rotated and this token's grace has ended",
                _ => "unknown API key",
            };
            AuthRefusal.Note(Context, "key", result.KeyId, why);
            return AuthenticateResult.Fail(why);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(PrincipalClaims.ToClaimsPrincipal(principal, SchemeName), SchemeName));
    }

    /// <summary>
    /// 401 with <c>WWW-Authenticate: Bearer</c> (RFC 6750), <c>error="invalid_token"</c> when a token was
    /// sent. The body says what to send, never where the controller keeps its own token.
    /// </summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var given = AuthRefusal.Of(Context) is not null;
        Response.Headers.WWWAuthenticate = given ? "Bearer error=\"invalid_token\"" : "Bearer";
        return Problems.Write(Context, StatusCodes.Status401Unauthorized, "Authentication required",
            given ? "the bearer token was refused; send 'Authorization: Bearer <token>' with a valid API key"
                : "send 'Authorization: Bearer <token>' with a valid API key");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "Not allowed", "this API key's role may not do that");
}
