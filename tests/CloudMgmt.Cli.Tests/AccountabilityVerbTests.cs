using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CloudMgmt.Cli.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CloudMgmt.Cli.Tests;

/// <summary>
/// A controller of its own (its audit trail gets tampered with), recording key use every second instead of every minute.
/// </summary>
public sealed class AccountabilityController : CliController
{
    protected override IEnumerable<string> Settings => ["--Auth:Keys:UsageFlush", "00:00:01"];

    public string StateDb => Path.Combine(DataDir, "state.db");
}

/// <summary>cmctl keys list's LAST-USED column and audit verify on a trail changed behind the controller's back.</summary>
public sealed class AccountabilityVerbTests(AccountabilityController controller) : IClassFixture<AccountabilityController>, IDisposable
{
    private readonly Cmctl _cmctl = controller.Operator().Wide();

    [Fact]
    public async Task KeysList_KeyUsed_ShowsWhenItWasLastUsedToTheMinute()
    {
        var key = JsonNode.Parse((await _cmctl.RunAsync("keys", "create", "--role", "viewer", "--name", "dashboard", "-o", "json").Exit(0)).Out)!;
        var id = key["id"]!.GetValue<string>();
        var row = new Regex($@"(?m)^{id}\s+dashboard\s+viewer\s+-\s+-\s+\S+ \S+\s+-\s+(?<last>\S+(?: \S+)?)\s+-$");
        Assert.Equal("-", row.Match((await _cmctl.RunAsync("keys", "list").Exit(0)).Out).Groups["last"].Value); // never used

        var before = DateTimeOffset.UtcNow;
        using var viewer = new Cmctl().WithServer(controller.Server, key["token"]!.GetValue<string>());
        await viewer.RunAsync("pools", "list").Exit(0);
        await Polling.UntilAsync(async () => JsonNode.Parse((await _cmctl.RunAsync("keys", "list", "-o", "json").Exit(0)).Out)!.AsArray()
            .Single(k => k!["id"]!.GetValue<string>() == id)!["lastUsedAt"], used => used is not null);
        var listed = (await _cmctl.RunAsync("keys", "list").Exit(0)).Out;

        var last = row.Match(listed);
        Assert.True(last.Success, listed);
        var at = DateTimeOffset.ParseExact(last.Groups["last"].Value, "yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.Equal(0, at.Second); // kept to the minute
        Assert.InRange(at, before.AddMinutes(-1), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task AuditVerify_RecordChangedInTheStore_ExitsOneNamingTheFirstBrokenRecord()
    {
        var pool = Ids.New("pool");
        await _cmctl.RunAsync("pools", "create", pool, "--quota", "vcpu=4").Exit(0);
        await _cmctl.RunAsync("pools", "set", pool, "--quota", "vcpu=8").Exit(0);
        await _cmctl.RunAsync("audit", "verify").Exit(0);
        var records = JsonNode.Parse((await _cmctl.RunAsync("audit", "list", "--target", $"pool:{pool}", "-o", "json").Exit(0)).Out)!["items"]!.AsArray();
        var changed = records[0]!["id"]!.GetValue<long>();

        await using (var db = new SqliteConnection($"Data Source={controller.StateDb}"))
        {
            await db.OpenAsync();
            await using var tamper = db.CreateCommand();
            tamper.CommandText = "UPDATE audit_records SET actor_id = 'someone-else' WHERE id = $id";
            tamper.Parameters.AddWithValue("$id", changed);
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        var table = await _cmctl.RunAsync("audit", "verify").Exit(1);
        var json = JsonNode.Parse((await _cmctl.RunAsync("audit", "verify", "-o", "json").Exit(1)).Out)!;

        Assert.Matches($@"(?m)^no\s+\d+\s+{changed}\s+\S+", table.Out);
        Assert.Contains($"broken from record {changed} on", table.Err, StringComparison.Ordinal);
        Assert.False(json["valid"]!.GetValue<bool>());
        Assert.Equal(changed, json["firstBroken"]!.GetValue<long>());
    }

    public void Dispose() => _cmctl.Dispose();
}
