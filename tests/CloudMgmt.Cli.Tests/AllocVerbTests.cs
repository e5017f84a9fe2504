using System.Text.Json.Nodes;
using CloudMgmt.Cli.Tests.Infrastructure;

namespace CloudMgmt.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class AllocVerbTests(CliController controller) : IDisposable
{
    private readonly Cmctl _cmctl = controller.Operator();

    [Fact]
    public async Task Request_WaitReady_ShowsEachStatusAndEndsReadyOnAXinchuangCloud()
    {
        var tenant = await TenantAsync("vcpu=32,memoryGiB=128");
        _cmctl.Environment["COLUMNS"] = "250"; // room for every column uncut

        var run = await _cmctl.RunAsync("alloc", "request", "--tenant", tenant, "--vcpu", "16", "--memory", "64",
            "--constraint", "xinchuang=true", "--wait", "Ready", "--timeout", "60s").Exit(0);

        Assert.Matches(@"(?m)^alloc-[0-9a-f]{32}\s+" + tenant + @"\s+Ready\s+vcpu=16 memoryGiB=64\s+xinchuang=true\s+xinchuang-arm\s", run.Out);
        Assert.Matches(@"waiting for alloc-[0-9a-f]{32} to be Ready\.\.\.\n", run.Err);
        Assert.Matches(@"\n  alloc-[0-9a-f]{32}: Ready \(\d+\.\ds\)\n$", run.Err);
    }

    [Fact]
    public async Task Request_NoCloudCanHoldIt_ExitsFourWithEachCloudsReason()
    {
        var tenant = await TenantAsync("vcpu=100000");

        var run = await _cmctl.RunAsync("alloc", "request", "--tenant", tenant, "--vcpu", "90000").Exit(4);

        Assert.StartsWith("Error: No cloud can hold the request (409)\n", run.Err, StringComparison.Ordinal);
        Assert.Contains("nothing was reserved or charged", run.Err, StringComparison.Ordinal);
        Assert.Matches(@"\n  cannot hold it: province-x86: capacity: [^\n]+\n", run.Err);
        Assert.Matches(@"\n  cannot hold it: xinchuang-arm: capacity: [^\n]+\n", run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Request_AboveQuota_ExitsFourWithTheShortfall()
    {
        var tenant = await TenantAsync("vcpu=4");

        var run = await _cmctl.RunAsync("alloc", "request", "--tenant", tenant, "--vcpu", "10").Exit(4);

        Assert.StartsWith("Error: Quota exceeded (409)\n", run.Err, StringComparison.Ordinal);
        Assert.Contains("\n  field: resources\n", run.Err, StringComparison.Ordinal);
        Assert.Matches(@"\n  shortfalls: pool-\w+ vcpu requested 10, available 4, short 6\n", run.Err);
    }

    [Fact]
    public async Task DryRun_FitsOrNot_ExitsZeroOrFourAndChangesNothing()
    {
        var tenant = await TenantAsync("vcpu=4");

        var fits = await _cmctl.RunAsync("alloc", "request", "--tenant", tenant, "--vcpu", "2", "--dry-run").Exit(0);
        var not = await _cmctl.RunAsync("alloc", "request", "--tenant", tenant, "--vcpu", "9", "--dry-run").Exit(4);

        Assert.Matches(@"(?m)^Placed\s+yes\s+no\s", fits.Out);
        Assert.Matches(@"(?m)^Rejected\s+no\s+no\s+pool-\w+\s+pool-\w+ vcpu short 5", not.Out);
        Assert.Equal("No items found.\n", (await _cmctl.RunAsync("alloc", "list", "--tenant", tenant).Exit(0)).Err);
    }

    [Fact]
    public async Task Request_SameIdempotencyKey_ReturnsTheSameAllocation()
    {
        var tenant = await TenantAsync("vcpu=8");

        var first = await IdOf(_cmctl.RunAsync("alloc", "request", "--tenant", tenant, "--vcpu", "1", "--idempotency-key", "order-17", "-o", "json"));
        var again = await IdOf(_cmctl.RunAsync("alloc", "request", "--tenant", tenant, "--vcpu", "1", "--idempotency-key", "order-17", "-o", "json"));

        Assert.Equal(first, again);
        Assert.Single(JsonNode.Parse((await _cmctl.RunAsync("alloc", "list", "--tenant", tenant, "-o", "json").Exit(0)).Out)!.AsArray());
    }

    [Fact]
    public async Task ListGetResizeRelease_OneAllocation_FollowsItToReleased()
    {
        var tenant = await TenantAsync("vcpu=8");
        var id = await IdOf(_cmctl.RunAsync("alloc", "request", "--tenant", tenant, "--vcpu", "2", "-o", "json"));
        await _cmctl.RunAsync("alloc", "request", "--tenant", tenant, "--vcpu", "1").Exit(0);

        Assert.Single((await _cmctl.RunAsync("alloc", "list", "--tenant", tenant, "--limit", "1", "-o", "csv").Exit(0)).Out.Trim().Split('\n').Skip(1));
        var resized = await _cmctl.RunAsync("alloc", "resize", id, "--vcpu", "3", "--wait", "Ready", "--timeout", "60s").Exit(0);
        Assert.Matches(@"\s+Ready\s+vcpu=3\s", resized.Out);
        Assert.Matches(@"\s+Ready\s+vcpu=3\s", (await _cmctl.RunAsync("alloc", "get", id).Exit(0)).Out);

        var released = await _cmctl.RunAsync("alloc", "release", id, "--wait", "Released", "--timeout", "60s").Exit(0);
        Assert.Matches(@"\s+Released\s", released.Out);
    }

    [Fact]
    public async Task Get_NotAnAllocation_ExitsThree()
    {
        await _cmctl.RunAsync("alloc", "get", "alloc-0000").Exit(3);
    }

    [Fact]
    public async Task Wait_AllocationEndsOtherwise_ExitsFourSayingSo()
    {
        var tenant = await TenantAsync("vcpu=8", threshold: "vcpu=2");
        var id = await IdOf(_cmctl.RunAsync("alloc", "request", "--tenant", tenant, "--vcpu", "3", "-o", "json"));

        var run = await _cmctl.RunAsync("approvals", "reject", id, "--reason", "not planned", "--wait", "Ready").Exit(4);

        Assert.Contains($"{id} ended Rejected and will never be Ready", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_TimeoutPasses_ExitsOneWithTheLastStatus()
    {
        var tenant = await TenantAsync("vcpu=8", threshold: "vcpu=2");

        var run = await _cmctl.RunAsync("alloc", "request", "--tenant", tenant, "--vcpu", "3", "--wait", "Ready", "--timeout", "1s").Exit(1);

        Assert.Matches(@"was not Ready within 1s \(last status PendingApproval\)", run.Err);
    }

    [Fact]
    public async Task Approvals_ListApprove_WaitingRequestBecomesReady()
    {
        var tenant = await TenantAsync("vcpu=8", threshold: "vcpu=2");
        var id = await IdOf(_cmctl.RunAsync("alloc", "request", "--tenant", tenant, "--vcpu", "3", "-o", "json"));

        Assert.Matches($@"(?m)^{id}\s+{tenant}\s+PendingApproval\s+vcpu=3$", (await _cmctl.RunAsync("approvals", "list", "--tenant", tenant).Exit(0)).Out);
        var approved = await _cmctl.RunAsync("approvals", "approve", id, "--reason", "plan 2026-17", "--wait", "Ready", "--timeout", "60s").Exit(0);

        Assert.Matches(@"\s+Ready\s", approved.Out);
        Assert.Equal("No items found.\n", (await _cmctl.RunAsync("approvals", "list", "--tenant", tenant).Exit(0)).Err);
    }

    private static async Task<string> IdOf(Task<CmctlResult> run) => JsonNode.Parse((await run.Exit(0)).Out)!["id"]!.GetValue<string>();

    private async Task<string> TenantAsync(string quota, string? threshold = null)
    {
        var pool = Ids.New("pool");
        var tenant = Ids.New("t");
        await _cmctl.RunAsync(["pools", "create", pool, "--quota", quota, .. threshold is null ? Array.Empty<string>() : ["--approval-threshold", threshold]]).Exit(0);
        await _cmctl.RunAsync("tenants", "create", tenant, "--pool", pool).Exit(0);
        return tenant;
    }

    public void Dispose() => _cmctl.Dispose();
}
