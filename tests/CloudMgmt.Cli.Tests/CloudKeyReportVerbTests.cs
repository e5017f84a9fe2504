using System.Text.Json.Nodes;
using CloudMgmt.Cli.Tests.Infrastructure;

namespace CloudMgmt.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class CloudKeyReportVerbTests(CliController controller) : IDisposable
{
    private readonly Cmctl _cmctl = controller.Operator();

    [Fact]
    public async Task Clouds_RegisterDrainUndrainReconcileGet_EachShowsTheNewState()
    {
        var id = Ids.New("sbx");

        var registered = await _cmctl.RunAsync("clouds", "register", id, "--kind", "sandbox", "--region", "anhui",
            "--label", "securityLevel=3,xinchuang=true", "--setting", "preset=xinchuang-arm").Exit(0);
        Assert.Matches($@"(?m)^{id}\s+sandbox\s+anhui\s+unknown\s+no\s+0\s*$", registered.Out);

        Assert.Matches($@"(?m)^{id}\s+sandbox\s+anhui\s+\S+\s+yes\s", (await _cmctl.RunAsync("clouds", "drain", id).Exit(0)).Out);
        Assert.Matches($@"(?m)^{id}\s+sandbox\s+anhui\s+\S+\s+no\s", (await _cmctl.RunAsync("clouds", "undrain", id).Exit(0)).Out);
        _cmctl.Environment["COLUMNS"] = "200"; // room for every column uncut
        Assert.Matches($@"(?m)^{id}\s+sandbox\s+anhui\s+yes\s+no\s+0\s+vcpu=0/2048 memoryGiB=0/8192 storageGiB=0/102400$",
            (await _cmctl.RunAsync("clouds", "reconcile", id).Exit(0)).Out);
        var cloud = JsonNode.Parse((await _cmctl.RunAsync("clouds", "get", id, "-o", "json").Exit(0)).Out)!;
        Assert.Equal("true", cloud["labels"]!["xinchuang"]!.GetValue<string>());
        Assert.Contains(id, (await _cmctl.RunAsync("clouds", "list").Exit(0)).Out, StringComparison.Ordinal);
        await _cmctl.RunAsync("clouds", "get", "no-such-cloud").Exit(3);
    }

    [Fact]
    public async Task Keys_CreateListRevoke_TokenPrintedOnceAndThenRefused()
    {
        var pool = Ids.New("pool");
        var tenant = Ids.New("t");
        await _cmctl.RunAsync("pools", "create", pool, "--quota", "vcpu=4").Exit(0);
        await _cmctl.RunAsync("tenants", "create", tenant, "--pool", pool).Exit(0);

        var created = await _cmctl.RunAsync("keys", "create", "--role", "department", "--tenant", tenant, "--name", "hr-system", "-o", "json").Exit(0);
        var key = JsonNode.Parse(created.Out)!;
        var token = key["token"]!.GetValue<string>();
        Assert.Contains("shown this once", created.Err, StringComparison.Ordinal);

        _cmctl.Environment["COLUMNS"] = "200"; // room for every column uncut
        var listed = await _cmctl.RunAsync("keys", "list").Exit(0);
        Assert.Matches($@"(?m)^{key["id"]}\s+hr-system\s+department\s+{tenant}\s+-\s+\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+-\s+-\s+-$", listed.Out);
        Assert.DoesNotContain(token, listed.Out, StringComparison.Ordinal);

        using var department = new Cmctl().WithServer(controller.Server, token);
        await department.RunAsync("alloc", "request", "--vcpu", "1").Exit(0); // its own tenant
        await department.RunAsync("pools", "create", Ids.New("p"), "--quota", "vcpu=1").Exit(5);
        await department.RunAsync("keys", "list").Exit(5);

        await _cmctl.RunAsync("keys", "revoke", key["id"]!.GetValue<string>()).Exit(0);
        await department.RunAsync("alloc", "list").Exit(5);
        await _cmctl.RunAsync("keys", "revoke", "no-such-key").Exit(3);
    }

    [Fact]
    public async Task ReportEfficiency_EachFormat_PrintsTheWindowsRows()
    {
        var to = DateTimeOffset.UtcNow.ToString("O");
        var from = DateTimeOffset.UtcNow.AddMinutes(-30).ToString("O");

        var json = JsonNode.Parse((await _cmctl.RunAsync("report", "efficiency", "--by", "cloud", "--from", from, "--to", to, "-o", "json").Exit(0)).Out)!;
        var csv = await _cmctl.RunAsync("report", "efficiency", "--by", "pool", "--step", "hour", "-o", "csv").Exit(0);
        var yaml = await _cmctl.RunAsync("report", "efficiency", "-o", "yaml").Exit(0);

        Assert.Equal("cloud", json["by"]!.GetValue<string>());
        Assert.StartsWith("from,to,by,key,resource,", csv.Out, StringComparison.Ordinal);
        Assert.Contains("by: tenant\n", yaml.Out, StringComparison.Ordinal);
        await _cmctl.RunAsync("report", "efficiency", "--by", "planet").Exit(2);
        var backwards = await _cmctl.RunAsync("report", "efficiency", "--from", to, "--to", from).Exit(2);
        Assert.Contains("\n  from: from must be before to", backwards.Err, StringComparison.Ordinal);
    }

    public void Dispose() => _cmctl.Dispose();
}
