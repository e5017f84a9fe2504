using Orleans.Concurrency;

namespace CloudMgmt.Grains.Keys;

/// <summary>The API keys (one grain, key "keys"). Tokens are stored as SHA-256 hashes only.</summary>
public interface IKeyStoreGrain : IGrainWithStringKey
{
    Task<Outcome<IssuedKey>> Create(ApiRole role, string? tenant, string? name);

    /// <summary>Makes sure an operator key with the given id has exactly this token hash (start-up bootstrap).</summary>
    Task EnsureOperatorKey(string id, string tokenHash, string name);

    [ReadOnly]
    Task<IReadOnlyList<ApiKeyView>> List();

    Task<bool> Revoke(string id);

    /// <summary>The live (not revoked) key with this token hash, if any.</summary>
    [ReadOnly]
    Task<ApiKeyView?> Authenticate(string tokenHash);
}
