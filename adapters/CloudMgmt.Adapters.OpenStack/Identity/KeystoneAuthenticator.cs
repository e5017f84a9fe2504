using System.Globalization;
using System.Text.Json.Nodes;
using CloudMgmt.Adapters.OpenStack.Http;

namespace CloudMgmt.Adapters.OpenStack.Identity;

/// <summary>
/// Gets and caches a Keystone v3 token (password or application credential). The auth URL may be the
/// unversioned Keystone root: the v3 endpoint is found by version discovery. One token is shared by
/// every call of the adapter and renewed ahead of expiry; concurrent callers wait for one renewal.
/// </summary>
internal sealed class KeystoneAuthenticator(HttpClient http, string authUrl, OpenStackCredentials credentials, bool allowInsecure, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private KeystoneToken? _token;
    private string? _identityV3;

    /// <summary>The v3 identity endpoint, once discovered.</summary>
    public string? IdentityV3 => _identityV3;

    public async Task<AdapterResult<KeystoneToken>> GetAsync(bool forceRenew, CancellationToken cancellationToken)
    {
        var current = _token;
        if (!forceRenew && current is not null && time.GetUtcNow() < current.RenewAt)
            return current;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } fresh && !ReferenceEquals(fresh, current) && time.GetUtcNow() < fresh.RenewAt)
                return fresh;
            var issued = await IssueAsync(cancellationToken);
            if (issued.Succeeded)
                _token = issued.Value;
            return issued;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the cached token, e.g. after a 401 on a call made with it.</summary>
    public void Invalidate(KeystoneToken token) => Interlocked.CompareExchange(ref _token, null, token);

    private async Task<AdapterResult<KeystoneToken>> IssueAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_identityV3 is null)
            {
                // The version list is the cloud's answer: its v3 link gets the password, so it must pass the endpoint rule too.
                var discovered = await DiscoverV3Async(cancellationToken);
                if (EndpointRule.CheckRemote("keystone's v3 link", discovered, allowInsecure) is { } refused)
                    return refused;
                _identityV3 = discovered;
            }
            using var response = await http.PostAsync($"{_identityV3}/auth/tokens", OpenStackApi.Json(credentials.AuthBody), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var error = OpenStackErrors.FromResponse("keystone", response, body, time);
                // A refused password is final: retrying would only lock the account.
                return (int)response.StatusCode == 401 ? new AdapterError(AdapterErrorKind.Unauthorized, $"keystone refused the credentials of {credentials}", false, HttpStatus: 401) : error;
            }
            var value = response.Headers.TryGetValues("X-Subject-Token", out var values) ? values.FirstOrDefault() : null;
            var token = JsonNode.Parse(body)?["token"];
            if (value is null || token is null)
                return AdapterError.Of(AdapterErrorKind.Unknown, "keystone answered without a token");
            var catalog = new ServiceCatalog(token["catalog"] as JsonArray ?? []);
            // Lifetime by Keystone's clock, expiry by ours: a skew between the two never makes a token look expired at birth.
            var now = time.GetUtcNow();
            var lifetime = Time(token["expires_at"]) - Time(token["issued_at"]) ?? TimeSpan.FromHours(1);
            return new KeystoneToken(value, now, now + lifetime, token["project"]?["id"]?.ToString(), catalog);
        }
        catch (Exception e) when (e is HttpRequestException or AnswerTooLargeException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return OpenStackErrors.FromException("keystone", e);
        }
        catch (System.Text.Json.JsonException)
        {
            return AdapterError.Of(AdapterErrorKind.Unavailable, $"keystone at {authUrl} answered with something that is not JSON");
        }
    }

    /// <summary>The v3 endpoint: the auth URL itself when it is versioned, else the v3 link of its version list.</summary>
    private async Task<string> DiscoverV3Async(CancellationToken cancellationToken)
    {
        var root = authUrl.TrimEnd('/');
        if (root.EndsWith("/v3", StringComparison.Ordinal))
            return root;
        using var response = await http.GetAsync(root, cancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var versions = body?["versions"]?["values"] as JsonArray ?? [];
        var v3 = versions.OfType<JsonObject>().FirstOrDefault(v => v["id"]?.ToString().StartsWith("v3", StringComparison.Ordinal) == true);
        var self = (v3?["links"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(l => (string?)l["rel"] == "self")?["href"]?.ToString();
        return (self ?? root + "/v3").TrimEnd('/');
    }

    private static DateTimeOffset? Time(JsonNode? node) =>
        DateTimeOffset.TryParse(node?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
