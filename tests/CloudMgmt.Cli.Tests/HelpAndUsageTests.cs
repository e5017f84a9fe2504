using CloudMgmt.Cli.Tests.Infrastructure;

namespace CloudMgmt.Cli.Tests;

/// <summary>Help and command-line mistakes: no server is needed, and a mistake is exit 2 with the reason on stderr.</summary>
public sealed class HelpAndUsageTests : IDisposable
{
    private readonly Cmctl _cmctl = new();

    [Fact]
    public async Task Help_Root_ListsEveryVerbAndTheExitCodes()
    {
        var help = await _cmctl.RunAsync("--help").Exit(0);

        foreach (var verb in new[] { "pools", "tenants", "alloc", "approvals", "clouds", "report", "keys", "audit", "config", "completion" })
        {
            Assert.Matches($@"(?m)^\s+{verb}\b", help.Out);
        }

        Assert.Contains("3 not found, 4 conflict or no fit, 5 not authorised", help.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_AllocRequest_DescribesEveryOption()
    {
        var help = await _cmctl.RunAsync("alloc", "request", "--help").Exit(0);

        foreach (var option in new[] { "--tenant", "--vcpu", "--memory", "--constraint", "--dry-run", "--wait", "--timeout", "--idempotency-key", "-o, --output", "--context" })
        {
            Assert.Contains(option, help.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("pools")]                                    // a group without its verb
    [InlineData("pools", "explode")]                         // no such verb
    [InlineData("pools", "list", "-o", "xml")]               // no such format
    [InlineData("pools", "create", "p", "--quota", "vcpu=lots")]
    [InlineData("pools", "create", "p")]                     // --quota is required
    [InlineData("alloc", "request", "--wait", "Sleeping")]   // not a status
    [InlineData("alloc", "request", "--timeout", "soon")]
    [InlineData("config", "set-context", "x", "--token-file", "a", "--token-env", "B")]
    public async Task Run_CommandLineMistake_ExitsTwoWithTheReasonOnStderr(params string[] args)
    {
        var run = await _cmctl.RunAsync(args).Exit(2);

        Assert.StartsWith("Error: ", run.Err, StringComparison.Ordinal);
        Assert.Contains("--help'.", run.Err, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task AllocRequest_NoResources_ExitsTwoBeforeCallingAnyServer()
    {
        _cmctl.WithServer(new Uri("http://127.0.0.1:1"), "t"); // nothing listens there: a call would be exit 1

        var run = await _cmctl.RunAsync("alloc", "request", "--tenant", "t").Exit(2);

        Assert.Contains("--vcpu", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyVerb_ServerNotListening_ExitsOneSayingItCannotReachIt()
    {
        _cmctl.WithServer(new Uri("http://127.0.0.1:1"), "t");

        var run = await _cmctl.RunAsync("pools", "list").Exit(1);

        Assert.Contains("cannot reach http://127.0.0.1:1/", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_ChineseLocale_PrefixesInChinese()
    {
        _cmctl.Environment["LANG"] = "zh_CN.UTF-8";

        var run = await _cmctl.RunAsync("pools", "explode").Exit(2);

        Assert.StartsWith("错误: ", run.Err, StringComparison.Ordinal);
    }

    public void Dispose() => _cmctl.Dispose();
}
