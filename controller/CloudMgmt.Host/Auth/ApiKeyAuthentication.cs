using System.Security.Claims;
using System.Text.Encodings.Web;
using CloudMgmt.Grains.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using CloudMgmt.Host.Api;

namespace CloudMgmt.Host.Auth;

/// <summary>
/// Bearer API keys. A token is looked up by its SHA-256 in the key store; answers are cached for a
/// few seconds so that a burst of requests does not queue on the key store grain. A revocation
/// drops the cache entry on this node at once and reaches other nodes within the cache lifetime.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IGrainFactory grains, KeyCache cache)
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

        var hash = TokenHash.Of(header["Bearer ".Length..].Trim());
        var key = await cache.GetOrLoadAsync(hash, () => grains.GetGrain<IKeyStoreGrain>(KeyStoreGrain.Key).Authenticate(hash));
        if (key is null)
        {
            return AuthenticateResult.Fail("unknown or revoked API key");
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, key.Id), new(ClaimTypes.Role, Roles.Name(key.Role)) };
        if (key.Tenant is not null)
        {
            claims.Add(new Claim(Roles.TenantClaim, key.Tenant));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status401Unauthorized, "Authentication required",
            "send 'Authorization: Bearer <token>' with a valid API key (the operator token is in <data-dir>/admin-token " +
            "or CLOUDMGMT_ADMIN_TOKEN)");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "Not allowed", "this API key's role may not do that");
}

/// <summary>A short-lived cache of key look-ups, by token hash.</summary>
internal sealed class KeyCache(IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public async Task<ApiKeyView?> GetOrLoadAsync(string hash, Func<Task<ApiKeyView?>> load)
    {
        if (cache.TryGetValue(hash, out ApiKeyView? known))
        {
            return known;
        }

        var key = await load();
        cache.Set(hash, key, Lifetime);
        return key;
    }

    /// <summary>Revocations are rare: dropping every cached answer is simpler than indexing by key id.</summary>
    public void ForgetAll() => (cache as MemoryCache)?.Clear();
}
