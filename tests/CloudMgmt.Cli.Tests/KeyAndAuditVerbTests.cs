using System.Globalization;
using System.Text.Json.Nodes;
using CloudMgmt.Cli.Tests.Infrastructure;

namespace CloudMgmt.Cli.Tests;

/// <summary>cmctl keys (scope, expiry, rotation with grace) and audit (filters, paging, formats, verify) against a real controller process.</summary>
[Collection(CliCollection.Name)]
public sealed class KeyAndAuditVerbTests(CliController controller) : IDisposable
{
    private readonly Cmctl _cmctl = controller.Operator().Wide();

    private async Task<string> PoolAsync()
    {
        var pool = Ids.New("pool");
        await _cmctl.RunAsync("pools", "create", pool, "--quota", "vcpu=4").Exit(0);
        return pool;
    }

    [Fact]
    public async Task Keys_CreateScopedWithExpiry_ListShowsScopeAndExpiry()
    {
        var pool = await PoolAsync();

        var created = await _cmctl.RunAsync("keys", "create", "--role", "viewer", "--pool", pool, "--expires", "2030-01-01T00:00:00Z",
            "--name", "auditors", "-o", "json").Exit(0);
        var key = JsonNode.Parse(created.Out)!;
        Assert.Equal((pool, "2030-01-01T00:00:00+00:00"), (key["pool"]!.GetValue<string>(), key["expiresAt"]!.GetValue<DateTimeOffset>().ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)));
        var row = $@"(?m)^{key["id"]}\s+auditors\s+viewer\s+-\s+{pool}\s+\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+2030-01-01 00:00:00Z\s+";
        var listed = (await _cmctl.RunAsync("keys", "list").Exit(0)).Out;
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(listed, row + @"-\s+-$"), listed); // never used yet

        using var viewer = new Cmctl().WithServer(controller.Server, key["token"]!.GetValue<string>());
        Assert.Contains(pool, (await viewer.RunAsync("pools", "list").Exit(0)).Out, StringComparison.Ordinal); // scoped: its pool is its root

        var relative = JsonNode.Parse((await _cmctl.RunAsync("keys", "create", "--role", "viewer", "--expires", "90d", "-o", "json").Exit(0)).Out)!;
        var expires = relative["expiresAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(90).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(90));
    }

    [Fact]
    public async Task Keys_RotateWithGrace_OldTokenWorksUntilThenAndWithoutGraceStopsAtOnce()
    {
        var key = JsonNode.Parse((await _cmctl.RunAsync("keys", "create", "--role", "viewer", "-o", "json").Exit(0)).Out)!;
        var id = key["id"]!.GetValue<string>();
        using var old = new Cmctl().WithServer(controller.Server, key["token"]!.GetValue<string>());

        var rotated = await _cmctl.RunAsync("keys", "rotate", id, "--grace", "5m").Exit(0);
        var token = System.Text.RegularExpressions.Regex.Match(rotated.Out, @"(?m)^\S+\s+viewer\s+-\s+-\s+-\s+(\S+)\s*$").Groups[1].Value;
        Assert.NotEqual("", token);
        Assert.Contains("shown this once", rotated.Err, StringComparison.Ordinal);
        using var fresh = new Cmctl().WithServer(controller.Server, token);
        await fresh.RunAsync("pools", "list").Exit(0);
        await old.RunAsync("pools", "list").Exit(0); // within its grace

        var again = JsonNode.Parse((await _cmctl.RunAsync("keys", "rotate", id, "-o", "json").Exit(0)).Out)!;
        await fresh.RunAsync("pools", "list").Exit(5); // no grace: the token it replaced stops at once
        using var newest = new Cmctl().WithServer(controller.Server, again["token"]!.GetValue<string>());
        await newest.RunAsync("pools", "list").Exit(0);

        await _cmctl.RunAsync("keys", "rotate", id, "--grace", "a-while").Exit(2);
        await _cmctl.RunAsync("keys", "rotate", "no-such-key").Exit(3);
        await _cmctl.RunAsync("keys", "create", "--role", "viewer", "--expires", "someday").Exit(2);
    }

    [Fact]
    public async Task AuditList_FiltersPagesAndFormats_ShowTheRecordsOfAChange()
    {
        var pool = await PoolAsync();
        await _cmctl.RunAsync("pools", "set", pool, "--quota", "vcpu=6").Exit(0);

        var json = JsonNode.Parse((await _cmctl.RunAsync("audit", "list", "--target", $"pool:{pool}", "-o", "json").Exit(0)).Out)!;
        var items = json["items"]!.AsArray();
        Assert.Equal(["pool.create", "pool.update"], items.Select(i => i!["action"]!.GetValue<string>()));
        Assert.Equal("quota {vcpu: 4} → {vcpu: 6}", items[1]!["detail"]!.GetValue<string>());

        var table = await _cmctl.RunAsync("audit", "list", "--target", $"pool:{pool}", "--action", "pool.*", "--limit", "1").Exit(0);
        Assert.Matches($@"(?m)^{items[0]!["id"]}\s+\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+key:\S+\s+pool\.create\s+pool:{pool}\s+201\s", table.Out);
        Assert.Contains($"--after {items[0]!["id"]}", table.Err, StringComparison.Ordinal);
        var second = await _cmctl.RunAsync("audit", "list", "--target", $"pool:{pool}", "--after", items[0]!["id"]!.ToString()).Exit(0);
        Assert.Matches($@"(?m)\s+pool\.update\s+pool:{pool}\s+200\s", second.Out);
        Assert.DoesNotContain("pool.create", second.Out, StringComparison.Ordinal);

        var csv = await _cmctl.RunAsync("audit", "list", "--target", $"pool:{pool}", "-o", "csv").Exit(0);
        Assert.StartsWith("id,at,", csv.Out, StringComparison.Ordinal);
        Assert.Contains($"pool:{pool}", csv.Out, StringComparison.Ordinal);

        var none = await _cmctl.RunAsync("audit", "list", "--target", $"pool:{pool}", "--from", DateTimeOffset.UtcNow.AddDays(1).ToString("O")).Exit(0);
        Assert.Contains("No items found.", none.Err, StringComparison.Ordinal);
        var bad = await _cmctl.RunAsync("audit", "list", "--limit", "0").Exit(2);
        Assert.Contains("limit", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_IntactTrail_IsExitZero_AndForADepartmentNotAuthorised()
    {
        var table = await _cmctl.RunAsync("audit", "verify").Exit(0);
        Assert.Matches(@"(?m)^yes\s+\d+\s+-\s+\S+", table.Out);
        Assert.Contains("intact", table.Err, StringComparison.Ordinal);
        var json = JsonNode.Parse((await _cmctl.RunAsync("audit", "verify", "-o", "json").Exit(0)).Out)!;
        Assert.True(json["valid"]!.GetValue<bool>());

        var pool = await PoolAsync();
        var tenant = Ids.New("t");
        await _cmctl.RunAsync("tenants", "create", tenant, "--pool", pool).Exit(0);
        var key = JsonNode.Parse((await _cmctl.RunAsync("keys", "create", "--role", "department", "--tenant", tenant, "-o", "json").Exit(0)).Out)!;
        using var department = new Cmctl().WithServer(controller.Server, key["token"]!.GetValue<string>());
        var refused = await department.RunAsync("audit", "verify").Exit(5);
        Assert.Contains("may not audit.verify", refused.Err, StringComparison.Ordinal);
        await department.RunAsync("audit", "list").Exit(0); // its own tenant's records
    }

    public void Dispose() => _cmctl.Dispose();
}
