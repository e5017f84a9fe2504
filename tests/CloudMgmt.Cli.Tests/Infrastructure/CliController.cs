using System.Net;

namespace CloudMgmt.Cli.Tests.Infrastructure;

/// <summary>
/// One real controller process for a collection or class of cmctl tests: the two sandbox clouds, inventoried
/// before the first test, a grant pass every second (so --wait Ready is quick), no elastic pass.
/// </summary>
public class CliController : IAsyncLifetime
{
    private readonly TempDirectory _data = new("cloudmgmt-cli-tests");
    private ControllerProcess? _controller;

    public Uri Server => Controller.BaseAddress;

    public ControllerProcess Controller => _controller ?? throw new InvalidOperationException("not started");

    public static string OperatorToken => EmbeddedController.AdminToken;

    /// <summary>The controller's data folder (its state.db and audit trail).</summary>
    protected string DataDir => _data.Path;

    /// <summary>Settings on the controller's command line beyond the grant pass and the elastic pass.</summary>
    protected virtual IEnumerable<string> Settings => [];

    /// <summary>Runs before the controller starts, on its empty data folder.</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    /// <summary>A cmctl pointed at this controller as the operator through CMCTL_SERVER and CMCTL_TOKEN.</summary>
    public Cmctl Operator() => new Cmctl().WithServer(Server, OperatorToken);

    public virtual async Task InitializeAsync()
    {
        await BeforeStartAsync();
        _controller = await ControllerProcess.StartAsync(_data.Path,
            ["--Reconcile:GrantInterval", "00:00:01", "--Elastic:Enabled", "false", .. Settings]);
        using var http = Controller.Operator();
        using var reconciled = await http.PostAsync("/api/v1/reconcile", null); // inventory the clouds now, not on the schedule
        Assert.Equal(HttpStatusCode.OK, reconciled.StatusCode);
    }

    public virtual async Task DisposeAsync()
    {
        if (_controller is not null)
        {
            await _controller.DisposeAsync();
        }

        _data.Dispose();
    }
}

/// <summary>The cmctl test classes that can share a controller: each makes its own pools and tenants.</summary>
[CollectionDefinition(Name)]
public sealed class CliCollection : ICollectionFixture<CliController>
{
    public const string Name = "cmctl";
}

/// <summary>Fresh ids, so tests sharing a controller never meet.</summary>
public static class Ids
{
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}

/// <summary>Assertions on a cmctl run that show the whole run when they fail.</summary>
public static class Expect
{
    public static CmctlResult Exit(this CmctlResult result, int code)
    {
        Assert.True(result.ExitCode == code, $"expected exit {code}\n{result}");
        return result;
    }

    public static async Task<CmctlResult> Exit(this Task<CmctlResult> run, int code) => (await run).Exit(code);
}
