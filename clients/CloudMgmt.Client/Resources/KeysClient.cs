using CloudMgmt.Client.Http;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Client.Resources;

/// <summary>API keys (operator): <c>/api/v1/keys</c>.</summary>
public sealed class KeysClient
{
    private readonly ICloudMgmtApi _api;

    internal KeysClient(ICloudMgmtApi api) => _api = api;

    /// <summary>Makes a key; the result carries its token, this once.</summary>
    public Task<IssuedApiKey> CreateAsync(NewApiKey key, CancellationToken ct = default) => ApiCall.Run(() => _api.CreateKey(key, ct));

    /// <summary>Every key (never their tokens).</summary>
    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct = default) => ApiCall.Run(() => _api.ListKeys(ct));

    /// <summary>Gives the key a new token (returned this once); the old one keeps working for the grace asked, none by default.</summary>
    public Task<IssuedApiKey> RotateAsync(string id, KeyRotation? rotation = null, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.RotateKey(id, rotation ?? new KeyRotation(), ct));

    /// <summary>Revokes a key; requests with it fail from now on.</summary>
    public Task RevokeAsync(string id, CancellationToken ct = default) => ApiCall.Run(() => _api.RevokeKey(id, ct));
}
