using CloudMgmt.Grains.Pools;

namespace CloudMgmt.Grains.Keys;

/// <summary>API keys. The token is handed out once by <see cref="Create"/>; only its hash is kept.</summary>
public sealed class KeyStoreGrain(
    [PersistentState("keys")] IPersistentState<KeyStoreState> state, TimeProvider time) : Grain, IKeyStoreGrain
{
    public const string Key = "keys";

    private Dictionary<string, KeyRecord> _byHash = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _byHash = state.State.Keys.Values.ToDictionary(k => k.TokenHash, StringComparer.Ordinal);
        return Task.CompletedTask;
    }

    public async Task<Outcome<IssuedKey>> Create(ApiRole role, string? tenant, string? name)
    {
        if (role == ApiRole.Department)
        {
            if (tenant is null)
            {
                return Failure.Invalid("tenant", "a department key must name the tenant it acts for");
            }

            if (await GrainFactory.GetGrain<ICatalogGrain>(CatalogGrain.Key).GetTenant(tenant) is null)
            {
                return Failure.Invalid("tenant", $"tenant '{tenant}' does not exist");
            }
        }
        else if (tenant is not null)
        {
            return Failure.Invalid("tenant", $"only a department key is bound to a tenant, not a {role} key");
        }

        var token = TokenHash.NewToken();
        var record = new KeyRecord
        {
            Id = "key-" + Guid.NewGuid().ToString("N")[..12],
            Name = name,
            Role = role,
            Tenant = tenant,
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
            _byHash.Remove(existing.TokenHash);
        }

        await SaveAsync(new KeyRecord { Id = id, Name = name, Role = ApiRole.Operator, TokenHash = tokenHash, CreatedAt = time.GetUtcNow() });
    }

    public Task<IReadOnlyList<ApiKeyView>> List() => Task.FromResult<IReadOnlyList<ApiKeyView>>(
        state.State.Keys.Values.OrderBy(k => k.CreatedAt).Select(k => k.View()).ToList());

    public async Task<bool> Revoke(string id)
    {
        if (!state.State.Keys.TryGetValue(id, out var record))
        {
            return false;
        }

        record.RevokedAt ??= time.GetUtcNow();
        await state.WriteStateAsync();
        return true;
    }

    public Task<ApiKeyView?> Authenticate(string tokenHash) => Task.FromResult(
        _byHash.TryGetValue(tokenHash, out var k) && k.RevokedAt is null ? k.View() : null);

    private async Task SaveAsync(KeyRecord record)
    {
        state.State.Keys[record.Id] = record;
        _byHash[record.TokenHash] = record;
        await state.WriteStateAsync();
    }
}
