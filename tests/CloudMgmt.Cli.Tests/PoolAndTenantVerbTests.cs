using System.Text.Json.Nodes;
using CloudMgmt.Cli.Tests.Infrastructure;

namespace CloudMgmt.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class PoolAndTenantVerbTests(CliController controller) : IDisposable
{
    private readonly Cmctl _cmctl = controller.Operator();

    [Fact]
    public async Task PoolsCreateSetGet_WithLimits_ShowsWhatWasSet()
    {
        var root = Ids.New("prov");
        var city = Ids.New("city");
        await _cmctl.RunAsync("pools", "create", root, "--quota", "vcpu=100,memoryGiB=400").Exit(0);
        await _cmctl.RunAsync("pools", "create", city, "--parent", root, "--quota", "vcpu=40", "--quota", "memoryGiB=160",
            "--borrowing-limit", "vcpu=8", "--approval-threshold", "vcpu=16", "--display-name", "合肥市").Exit(0);

        await _cmctl.RunAsync("pools", "set", city, "--quota", "vcpu=50,memoryGiB=160").Exit(0);
        var pool = JsonNode.Parse((await _cmctl.RunAsync("pools", "get", city, "-o", "json").Exit(0)).Out)!;

        Assert.Equal(root, pool["parent"]!.GetValue<string>());
        Assert.Equal("合肥市", pool["displayName"]!.GetValue<string>());
        Assert.Equal(50, pool["quota"]!["vcpu"]!.GetValue<long>());
        Assert.Equal(8, pool["borrowingLimit"]!["vcpu"]!.GetValue<long>());
        Assert.Equal(16, pool["approvalThreshold"]!["vcpu"]!.GetValue<long>());
    }

    [Fact]
    public async Task PoolsTreeAndList_NewSubtree_ShowsTheChildUnderItsParent()
    {
        var root = Ids.New("prov");
        var city = Ids.New("city");
        await _cmctl.RunAsync("pools", "create", root, "--quota", "vcpu=10").Exit(0);
        await _cmctl.RunAsync("pools", "create", city, "--parent", root, "--quota", "vcpu=5").Exit(0);

        var tree = (await _cmctl.RunAsync("pools", "tree").Exit(0)).Out.Split('\n');
        var at = Array.FindIndex(tree, l => l.StartsWith(root + " ", StringComparison.Ordinal));
        Assert.StartsWith("└─ " + city + " ", tree[at + 1], StringComparison.Ordinal);
        Assert.Contains(city, (await _cmctl.RunAsync("pools", "list").Exit(0)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoolsGet_Missing_ExitsThreeWithTitleAndDetail()
    {
        var run = await _cmctl.RunAsync("pools", "get", "no-such-pool").Exit(3);

        Assert.Equal("Error: Not found (404)\n  pool 'no-such-pool' does not exist\n", run.Err);
    }

    [Fact]
    public async Task PoolsCreate_Existing_ExitsFour()
    {
        var id = Ids.New("dup");
        await _cmctl.RunAsync("pools", "create", id, "--quota", "vcpu=1").Exit(0);

        var run = await _cmctl.RunAsync("pools", "create", id, "--quota", "vcpu=1").Exit(4);

        Assert.StartsWith("Error: Conflict (409)", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoolsCreate_InvalidId_ExitsTwoNamingTheField()
    {
        var run = await _cmctl.RunAsync("pools", "create", "Bad_Id", "--quota", "vcpu=1").Exit(2);

        Assert.StartsWith("Error: Invalid request (400)\n", run.Err, StringComparison.Ordinal);
        Assert.Contains("\n  id: 'Bad_Id' is not valid", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantsCreateGetList_UnderAPool_ShowTheTenant()
    {
        var pool = Ids.New("dept");
        var tenant = Ids.New("t");
        await _cmctl.RunAsync("pools", "create", pool, "--quota", "vcpu=4").Exit(0);

        var created = await _cmctl.RunAsync("tenants", "create", tenant, "--pool", pool, "--display-name", "卫健委").Exit(0);
        var got = await _cmctl.RunAsync("tenants", "get", tenant, "-o", "yaml").Exit(0);

        Assert.Matches($@"(?m)^{tenant}\s+{pool}\s+卫健委\s+0$", created.Out);
        Assert.Contains($"pool: {pool}\n", got.Out, StringComparison.Ordinal);
        Assert.Contains(tenant, (await _cmctl.RunAsync("tenants", "list", "-o", "csv").Exit(0)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantsCreate_UnknownPool_ExitsWithTheServersProblem()
    {
        var run = await _cmctl.RunAsync("tenants", "create", Ids.New("t"), "--pool", "no-such-pool");

        Assert.True(run.ExitCode is 2 or 3 or 4, run.ToString());
        Assert.Contains("no-such-pool", run.Err, StringComparison.Ordinal);
    }

    public void Dispose() => _cmctl.Dispose();
}
