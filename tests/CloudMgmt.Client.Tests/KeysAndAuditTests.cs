using CloudMgmt.Client.Models;
using CloudMgmt.Client.Problems;
using CloudMgmt.Client.Tests.Infrastructure;

namespace CloudMgmt.Client.Tests;

[Collection(ControllerCollection.Name)]
public sealed class KeysAndAuditTests(ControllerFixture fixture)
{
    private readonly CloudMgmtClient _cm = fixture.Operator;

    [Fact]
    public async Task Keys_ScopedViewerRotatedWithGrace_BothTokensWorkAndTheListShowsScopeExpiryAndRotation()
    {
        var city = Ids.New("city");
        var other = Ids.New("city");
        await _cm.Pools.CreateAsync(new NewPool { Id = city, Quota = new Dictionary<string, long> { ["vcpu"] = 8 } });
        await _cm.Pools.CreateAsync(new NewPool { Id = other, Quota = new Dictionary<string, long> { ["vcpu"] = 8 } });
        var expires = new DateTimeOffset(2099, 6, 30, 0, 0, 0, TimeSpan.Zero);
        var key = await _cm.Keys.CreateAsync(new NewApiKey { Role = ApiKeyRoles.Viewer, Name = "city-dashboard", Pool = city, ExpiresAt = expires });

        var rotated = await _cm.Keys.RotateAsync(key.Id, new KeyRotation { Grace = "PT1H" });

        Assert.Equal(key.Id, rotated.Id);
        Assert.NotEqual(key.Token, rotated.Token);
        Assert.Equal(city, rotated.Pool);
        using var before = fixture.Client(key.Token);
        using var after = fixture.Client(rotated.Token);
        Assert.Equal(city, (await after.Pools.GetAsync(city)).Id);
        Assert.Equal(city, (await before.Pools.GetAsync(city)).Id); // within the grace
        await Assert.ThrowsAsync<NotFoundException>(() => after.Pools.GetAsync(other)); // outside its pool: as if missing
        var listed = Assert.Single(await _cm.Keys.ListAsync(), k => k.Id == key.Id);
        Assert.Equal((city, expires), (listed.Pool, listed.ExpiresAt));
        Assert.NotNull(listed.RotatedAt);
        Assert.StartsWith("key:", listed.CreatedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_ListAllCsvAndVerify_ShowTheKeysCreationAndRotation()
    {
        var key = await _cm.Keys.CreateAsync(new NewApiKey { Role = ApiKeyRoles.Viewer, Name = "audited" });
        await _cm.Keys.RotateAsync(key.Id);

        var records = new List<AuditRecord>();
        await foreach (var record in _cm.Audit.ListAllAsync(new AuditQuery { Target = "key:" + key.Id, Limit = 1 }))
        {
            records.Add(record); // a page a record: ListAllAsync follows "next"
        }

        Assert.Equal(["key.create", "key.rotate"], records.Select(r => r.Action));
        Assert.All(records, r => Assert.Equal("key", r.Actor.Kind));
        Assert.Equal([201, 200], records.Select(r => r.Outcome));
        var csv = await _cm.Audit.ListCsvAsync(new AuditQuery { Target = "key:" + key.Id });
        Assert.Equal(3, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // a header and the two records
        Assert.DoesNotContain(key.Token, csv, StringComparison.Ordinal);
        var verified = await _cm.Audit.VerifyAsync();
        Assert.True(verified.Valid);
        Assert.True(verified.Records >= 2);
    }
}
