using Orleans.Concurrency;

namespace CloudMgmt.Grains.Keys;

/// <summary>The API keys (one grain, key "keys"). Tokens are stored as SHA-256 hashes only.</summary>
public interface IKeyStoreGrain : IGrainWithStringKey
{
    Task<Outcome<IssuedKey>> Create(NewKey key);

    /// <summary>Makes sure an operator key with the given id has exactly this token hash (start-up bootstrap).</summary>
    Task EnsureOperatorKey(string id, string tokenHash, string name);

    [ReadOnly]
    Task<IReadOnlyList<ApiKeyView>> List();

    [ReadOnly]
    Task<ApiKeyView?> Get(string id);

    /// <summary>A new token for the key; the old one keeps working for <paramref name="grace"/> (none when zero).</summary>
    Task<Outcome<IssuedKey>> Rotate(string id, TimeSpan grace);

    Task<bool> Revoke(string id);

    /// <summary>The live (not revoked, not expired) key with this token hash, if any.</summary>
    [ReadOnly]
    Task<ApiKeyView?> Authenticate(string tokenHash);

    /// <summary>What the token with this hash is: valid, or why not (naming its key when there is one).</summary>
    [ReadOnly]
    Task<KeyCheck> Check(string tokenHash);

    /// <summary>
    /// A number that changes whenever a key is made, rotated or revoked (and on every activation), so
    /// that each node can keep its answers until it changes and drop them at once when it does.
    /// </summary>
    [ReadOnly, AlwaysInterleave]
    Task<long> Generation();

    /// <summary>When keys were last used, to the minute, as one node saw them; stored with at most one write per call.</summary>
    Task RecordUse(IReadOnlyDictionary<string, DateTimeOffset> lastUsed);
}
