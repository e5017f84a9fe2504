using System.Security.Claims;
using System.Security.Cryptography;
using CloudMgmt.Application;
using CloudMgmt.Application.Access;
using CloudMgmt.Application.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace CloudMgmt.Portal.Session;

/// <summary>
/// Opens, checks and ends console sessions. A session is opened once from an API key (the token is
/// checked, then only its hash is kept, in the session in memory) or from the province's identity
/// provider; it acts as that principal everywhere in the console, and stands only while the key
/// would still be accepted by the API.
/// </summary>
public sealed class ConsoleSessions(KeyLookup keys, SessionStore store)
{
    /// <summary>The cookie authentication scheme of the console (never accepted by the API, which takes bearer tokens only).</summary>
    public const string Scheme = "Console";

    /// <summary>The OpenID Connect code flow (with PKCE) the host registers when the province's identity provider is configured.</summary>
    public const string OidcScheme = "ConsoleOidc";

    private const string TokenHashItem = "cloudmgmt.tokenHash";

    /// <summary>Checks an API key token and, when the API would accept it, signs the browser in as its principal (never a metrics key's).</summary>
    public async Task<KeyAuthentication> SignInWithKeyAsync(HttpContext http, string token)
    {
        var check = await keys.AuthenticateAsync(token.Trim());
        if (check.Principal is not { } principal)
        {
            return check;
        }

        if (principal.Role == Grains.Keys.ApiRole.Metrics)
        {
            return check with { Principal = null }; // a valid key that only scrapes /metrics: no console session
        }

        var properties = new AuthenticationProperties { IsPersistent = false, ExpiresUtc = principal.ExpiresAt, AllowRefresh = false };
        properties.Items[TokenHashItem] = Grains.Keys.TokenHash.Of(token.Trim());
        await http.SignInAsync(Scheme, SessionPrincipal(principal), properties);
        return check;
    }

    /// <summary>The principal of a new session: the claims every channel uses, plus the session's own id.</summary>
    public static ClaimsPrincipal SessionPrincipal(Principal principal)
    {
        var user = PrincipalClaims.ToClaimsPrincipal(principal, Scheme);
        ((ClaimsIdentity)user.Identity!).AddClaim(new Claim(SessionStore.SessionClaim, NewSessionId()));
        return user;
    }

    /// <summary>Whether the session behind <paramref name="user"/> still stands: not ended, and its key still accepted.</summary>
    public async Task<bool> StandsAsync(ClaimsPrincipal user)
    {
        if (store.Live(SessionStore.IdOf(user)) is not { } ticket)
        {
            return false;
        }

        if (ticket.Properties.Items.TryGetValue(TokenHashItem, out var hash) && hash is not null)
        {
            return (await keys.AuthenticateHashAsync(hash)).Succeeded;
        }

        return true; // signed in at the identity provider: bounded by the session's lifetime
    }

    /// <summary>Notes use of the session by an action in an open page.</summary>
    public bool Touch(ClaimsPrincipal user) => SessionStore.IdOf(user) is { } id && store.Touch(id);

    /// <summary>The caller a console page acts as; null without a session.</summary>
    public static Caller? CallerOf(ClaimsPrincipal user) => user.Caller() is { } principal ? new Caller(principal, "console") : null;

    private static string NewSessionId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
