using CloudMgmt.Grains.Keys;
using CloudMgmt.Grains.Tests.Infrastructure;
using static CloudMgmt.Grains.Tests.Infrastructure.TreeSetup;

namespace CloudMgmt.Grains.Tests.Keys;

/// <summary>Key lifecycle in the key store: scope and expiry, rotation with and without grace, revocation, last use.</summary>
[Collection(ClusterCollection.Name)]
public sealed class KeyStoreTests(ClusterFixture fixture)
{
    private readonly TreeSetup _tree = new(fixture.Grains);

    private IKeyStoreGrain Store => fixture.Grains.GetGrain<IKeyStoreGrain>(KeyStoreGrain.Key);

    private static DateTimeOffset Now => ClusterFixture.Clock.GetUtcNow();

    private async Task<IssuedKey> CreateAsync(NewKey key)
    {
        var outcome = await Store.Create(key);
        Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
        return outcome.Value!;
    }

    [Fact]
    public async Task Create_ScopedKeyWithExpiry_IsKeptWithWhoMadeIt()
    {
        await _tree.PoolAsync("hefei", null, Cpu(10));
        var expires = Now.AddDays(30);

        var issued = await CreateAsync(new NewKey(ApiRole.Operator, null, _tree.Id("hefei"), "hefei-ops", expires, "key:key-admin"));
        var check = await Store.Check(TokenHash.Of(issued.Token));

        Assert.Equal(KeyStatus.Valid, check.Status);
        Assert.Equal(expires, check.ValidUntil);
        Assert.Equal(new ApiKeyView(issued.Key.Id, "hefei-ops", ApiRole.Operator, null, issued.Key.CreatedAt, null, _tree.Id("hefei"), expires, "key:key-admin"),
            await Store.Get(issued.Key.Id));
    }

    [Theory]
    [InlineData(ApiRole.Department, null, null, "tenant")]
    [InlineData(ApiRole.Department, "health", "hefei", "pool")]
    [InlineData(ApiRole.Viewer, null, "nowhere", "pool")]
    [InlineData(ApiRole.Operator, "health", null, "tenant")]
    public async Task Create_Inconsistent_RefusedNamingTheField(ApiRole role, string? tenant, string? pool, string field)
    {
        await _tree.PoolAsync("hefei", null, Cpu(10));
        await _tree.TenantAsync("health", "hefei");

        var outcome = await Store.Create(new NewKey(role, tenant is null ? null : _tree.Id(tenant), pool is null ? null : _tree.Id(pool), null, null, null));

        Assert.Equal(FailureKind.Invalid, outcome.Failure!.Kind);
        Assert.Equal(field, outcome.Failure.Field);
    }

    [Fact]
    public async Task Check_AfterExpiry_ExpiredNamingTheKey()
    {
        var issued = await CreateAsync(new NewKey(ApiRole.Viewer, null, null, null, Now.AddMinutes(5), null));

        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var check = await Store.Check(TokenHash.Of(issued.Token));

        Assert.Equal(KeyStatus.Expired, check.Status);
        Assert.Equal(issued.Key.Id, check.Key!.Id);
    }

    [Fact]
    public async Task Rotate_WithGrace_OldTokenWorksUntilGraceEndsNewOneAfter()
    {
        var issued = await CreateAsync(new NewKey(ApiRole.Viewer, null, null, null, null, null));
        var before = await Store.Generation();

        var rotated = (await Store.Rotate(issued.Key.Id, TimeSpan.FromMinutes(10))).Value!;
        var oldDuringGrace = await Store.Check(TokenHash.Of(issued.Token));
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(10));
        var oldAfterGrace = await Store.Check(TokenHash.Of(issued.Token));

        Assert.NotEqual(before, await Store.Generation());
        Assert.Equal(issued.Key.Id, rotated.Key.Id);
        Assert.NotEqual(issued.Token, rotated.Token);
        Assert.Equal(KeyStatus.Valid, oldDuringGrace.Status);
        Assert.Equal(Now, oldDuringGrace.ValidUntil);
        Assert.Equal(KeyStatus.Rotated, oldAfterGrace.Status);
        Assert.Equal(KeyStatus.Valid, (await Store.Check(TokenHash.Of(rotated.Token))).Status);
    }

    [Fact]
    public async Task Rotate_WithoutGrace_OldTokenRefusedAtOnce()
    {
        var issued = await CreateAsync(new NewKey(ApiRole.Viewer, null, null, null, null, null));

        await Store.Rotate(issued.Key.Id, TimeSpan.Zero);

        Assert.Equal(KeyStatus.Unknown, (await Store.Check(TokenHash.Of(issued.Token))).Status);
    }

    [Fact]
    public async Task Revoke_ChangesGenerationAndEveryTokenOfTheKeyIsRefused()
    {
        var issued = await CreateAsync(new NewKey(ApiRole.Viewer, null, null, null, null, null));
        var rotated = (await Store.Rotate(issued.Key.Id, TimeSpan.FromHours(1))).Value!;
        var before = await Store.Generation();

        Assert.True(await Store.Revoke(issued.Key.Id));

        Assert.NotEqual(before, await Store.Generation());
        Assert.Equal(KeyStatus.Revoked, (await Store.Check(TokenHash.Of(issued.Token))).Status);
        Assert.Equal(KeyStatus.Revoked, (await Store.Check(TokenHash.Of(rotated.Token))).Status);
        Assert.Equal(FailureKind.Conflict, (await Store.Rotate(issued.Key.Id, TimeSpan.Zero)).Failure!.Kind);
    }

    [Fact]
    public async Task RecordUse_KeptToTheMinuteAndNeverMovesBack()
    {
        var issued = await CreateAsync(new NewKey(ApiRole.Viewer, null, null, null, null, null));
        var at = new DateTimeOffset(2026, 12, 7, 10, 42, 37, TimeSpan.Zero);

        await Store.RecordUse(new Dictionary<string, DateTimeOffset> { [issued.Key.Id] = at });
        await Store.RecordUse(new Dictionary<string, DateTimeOffset> { [issued.Key.Id] = at.AddHours(-1), ["key-unknown"] = at });

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 10, 42, 0, TimeSpan.Zero), (await Store.Get(issued.Key.Id))!.LastUsedAt);
    }
}
