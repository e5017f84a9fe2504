using CloudMgmt.Grains.Pools;

namespace CloudMgmt.Grains.Keys;

/// <summary>
/// API keys. The token is handed out once by <see cref="Create"/> or <see cref="Rotate"/>; only its
/// hash is kept. Who may make which key is the application layer's decision; this grain keeps each
/// key consistent (a department key names an existing tenant, a scoped key an existing pool).
/// </summary>
public sealed class KeyStoreGrain(
    [PersistentState("keys")] IPersistentState<KeyStoreState> state, TimeProvider time) : Grain, IKeyStoreGrain
{
    public const string Key = "keys";

    private Dictionary<string, (KeyRecord Record, bool Previous)> _byHash = [];

    /// <summary>Random at each activation, then counted up: a node never mistakes a new activation's number for one it saw.</summary>
    private long _generation = Random.Shared.NextInt64();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _byHash = new(StringComparer.Ordinal);
        foreach (var record in state.State.Keys.Values)
        {
            Index(record);
        }

        return Task.CompletedTask;
    }

    public async Task<Outcome<IssuedKey>> Create(NewKey key)
    {
        if (await WhyNotAsync(key) is { } failure)
        {
            return failure;
        }

        var token = TokenHash.NewToken();
        var record = new KeyRecord
        {
            Id = "key-" + Guid.NewGuid().ToString("N")[..12],
            Name = key.Name,
            Role = key.Role,
            Tenant = key.Tenant,
            Pool = key.Pool,
            ExpiresAt = key.ExpiresAt,
            CreatedBy = key.CreatedBy,
            TokenHash = TokenHash.Of(token),
            CreatedAt = time.GetUtcNow(),
        };
        await SaveAsync(record);
        return new IssuedKey(record.View(), token);
    }

    public async Task EnsureOperatorKey(string id, string tokenHash, string name)
    {
        if (state.State.Keys.TryGetValue(id, out var existing) && existing.TokenHash == tokenHash && existing.RevokedAt is null)
        {
            return;
        }

        if (existing is not null)
        {
            Unindex(existing);
        }

        await SaveAsync(new KeyRecord
        {
            Id = id, Name = name, Role = ApiRole.Operator, TokenHash = tokenHash, CreatedAt = time.GetUtcNow(), CreatedBy = "system:start",
        });
    }

    public Task<IReadOnlyList<ApiKeyView>> List() => Task.FromResult<IReadOnlyList<ApiKeyView>>(
        state.State.Keys.Values.OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal).Select(k => k.View()).ToList());

    public Task<ApiKeyView?> Get(string id) => Task.FromResult(state.State.Keys.GetValueOrDefault(id)?.View());

    public async Task<Outcome<IssuedKey>> Rotate(string id, TimeSpan grace)
    {
        var now = time.GetUtcNow();
        if (!state.State.Keys.TryGetValue(id, out var record))
        {
            return Failure.NotFound($"API key '{id}' does not exist");
        }

        if (record.Check(previous: false, now).Status != KeyStatus.Valid)
        {
            return Failure.Conflict($"API key '{id}' is revoked or expired; make a new one instead");
        }

        Unindex(record);
        var token = TokenHash.NewToken();
        record.PreviousTokenHash = grace > TimeSpan.Zero ? record.TokenHash : null;
        record.PreviousValidUntil = grace > TimeSpan.Zero ? now + grace : null;
        record.TokenHash = TokenHash.Of(token);
        record.RotatedAt = now;
        await SaveAsync(record);
        return new IssuedKey(record.View(), token);
    }

    public async Task<bool> Revoke(string id)
    {
        if (!state.State.Keys.TryGetValue(id, out var record))
        {
            return false;
        }

        record.RevokedAt ??= time.GetUtcNow();
        await SaveAsync(record);
        return true;
    }

    public async Task<ApiKeyView?> Authenticate(string tokenHash) =>
        await Check(tokenHash) is { Status: KeyStatus.Valid } check ? check.Key : null;

    public Task<KeyCheck> Check(string tokenHash) => Task.FromResult(
        _byHash.TryGetValue(tokenHash, out var found) ? found.Record.Check(found.Previous, time.GetUtcNow()) : KeyCheck.Unknown);

    public Task<long> Generation() => Task.FromResult(_generation);

    public async Task RecordUse(IReadOnlyDictionary<string, DateTimeOffset> lastUsed)
    {
        var changed = false;
        foreach (var (id, at) in lastUsed)
        {
            var minute = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
            if (state.State.Keys.TryGetValue(id, out var record) && (record.LastUsedAt is null || record.LastUsedAt < minute))
            {
                record.LastUsedAt = minute;
                changed = true;
            }
        }

        if (changed)
        {
            await state.WriteStateAsync(); // last-use times do not change any answer: no new generation
        }
    }

    private async Task SaveAsync(KeyRecord record)
    {
        state.State.Keys[record.Id] = record;
        Index(record);
        _generation++;
        await state.WriteStateAsync();
    }

    private void Index(KeyRecord record)
    {
        _byHash[record.TokenHash] = (record, false);
        if (record.PreviousTokenHash is { } previous)
        {
            _byHash[previous] = (record, true);
        }
    }

    private void Unindex(KeyRecord record)
    {
        _byHash.Remove(record.TokenHash);
        if (record.PreviousTokenHash is { } previous)
        {
            _byHash.Remove(previous);
        }
    }

    private async Task<Failure?> WhyNotAsync(NewKey key)
    {
        var catalog = GrainFactory.GetGrain<ICatalogGrain>(CatalogGrain.Key);
        if (key.Role == ApiRole.Department)
        {
            return key.Tenant is null ? Failure.Invalid("tenant", "a department key must name the tenant it acts for")
                : key.Pool is not null ? Failure.Invalid("pool", "a department key is bound to its tenant, not scoped to a pool")
                : await catalog.GetTenant(key.Tenant) is null ? Failure.Invalid("tenant", $"tenant '{key.Tenant}' does not exist")
                : null;
        }

        if (key.Tenant is not null)
        {
            return Failure.Invalid("tenant", $"only a department key is bound to a tenant, not a {key.Role} key");
        }

        if (key.Pool is not null && key.Role is not (ApiRole.Operator or ApiRole.Viewer))
        {
            return Failure.Invalid("pool", $"only operator and viewer keys are scoped to a pool, not a {key.Role} key");
        }

        return key.Pool is not null && await catalog.GetPool(key.Pool) is null ? Failure.Invalid("pool", $"pool '{key.Pool}' does not exist") : null;
    }
}
