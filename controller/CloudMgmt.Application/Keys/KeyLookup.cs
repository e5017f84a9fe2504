using System.Collections.Concurrent;
using CloudMgmt.Application.Access;
using CloudMgmt.Grains.Keys;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Application.Keys;

/// <summary>An API key token turned into a principal, or the reason it was refused (naming the key when the token belongs to one).</summary>
public sealed record KeyAuthentication(Principal? Principal, KeyStatus Status, string? KeyId)
{
    public bool Succeeded => Principal is not null;
}

/// <summary>
/// Authenticates API key tokens on this node. Answers are kept, by token hash, until the key store's
/// generation changes (<see cref="KeyWatch"/> asks several times a second), so a burst of requests
/// does not queue on the key store grain and a revocation through any node reaches this one within
/// <see cref="KeyOptions.ChangePoll"/>. Expiry is checked on every use against the kept answer.
/// Unknown tokens are not kept: they would let anyone fill the memory (failed attempts are rate-limited instead).
/// Last use is noted in memory and reported in batches: no write per request.
/// </summary>
public sealed class KeyLookup(IGrainFactory grains, TimeProvider time, IOptions<KeyOptions> options)
{
    private readonly ConcurrentDictionary<string, (KeyCheck Check, DateTimeOffset Loaded)> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);
    private readonly Lock _forget = new();
    private long _epoch;

    private IKeyStoreGrain Store => grains.GetGrain<IKeyStoreGrain>(KeyStoreGrain.Key);

    public Task<KeyAuthentication> AuthenticateAsync(string token) => AuthenticateHashAsync(TokenHash.Of(token));

    /// <summary>
    /// As <see cref="AuthenticateAsync"/>, by the token's hash: how a console session, which keeps the
    /// hash and never the token, checks that the key it was opened with still works.
    /// </summary>
    public async Task<KeyAuthentication> AuthenticateHashAsync(string hash)
    {
        var now = time.GetUtcNow();
        if (!_answers.TryGetValue(hash, out var kept) || now - kept.Loaded > options.Value.MaxAge)
        {
            var epoch = Volatile.Read(ref _epoch);
            var check = await Store.Check(hash);
            kept = (check, now);
            lock (_forget)
            {
                // An answer loaded across a change (the store's generation moved meanwhile) serves this request only.
                if (check.Status != KeyStatus.Unknown && epoch == _epoch)
                {
                    _answers[hash] = kept;
                }
            }
        }

        var (status, key) = (kept.Check.Status, kept.Check.Key);
        if (status == KeyStatus.Valid && kept.Check.ValidUntil is { } until && until <= now)
        {
            status = key?.ExpiresAt is { } expires && expires <= now ? KeyStatus.Expired : KeyStatus.Rotated;
        }

        if (status != KeyStatus.Valid || key is null)
        {
            return new KeyAuthentication(null, status, key?.Id);
        }

        _used[key.Id] = now;
        return new KeyAuthentication(new Principal(PrincipalKind.Key, key.Id, key.Name, key.Role, key.Tenant, key.Pool, key.ExpiresAt), status, key.Id);
    }

    /// <summary>Forgets every kept answer (the key store changed).</summary>
    public void Forget()
    {
        lock (_forget)
        {
            _epoch++;
            _answers.Clear();
        }
    }

    /// <summary>Takes the last-use times noted since the previous call.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> TakeUsage()
    {
        var taken = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var id in _used.Keys)
        {
            if (_used.TryRemove(id, out var at))
            {
                taken[id] = at;
            }
        }

        return taken;
    }
}
