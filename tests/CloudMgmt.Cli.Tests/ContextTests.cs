using CloudMgmt.Cli.Tests.Infrastructure;

namespace CloudMgmt.Cli.Tests;

/// <summary>Contexts in ~/.config/cloudmgmt/config.yaml, and CMCTL_SERVER / CMCTL_TOKEN for scripts.</summary>
[Collection(CliCollection.Name)]
public sealed class ContextTests(CliController controller) : IDisposable
{
    private readonly Cmctl _cmctl = new();

    private string ConfigPath => Path.Combine(_cmctl.Home, ".config", "cloudmgmt", "config.yaml");

    [Fact]
    public async Task SetContext_TokenFile_IsUsedAndTheConfigHoldsOnlyTheReference()
    {
        var tokenFile = TokenFile(CliController.OperatorToken);

        await _cmctl.RunAsync("config", "set-context", "prod", "--server", controller.Server.ToString(), "--token-file", tokenFile).Exit(0);
        await _cmctl.RunAsync("clouds", "list").Exit(0);

        var config = File.ReadAllText(ConfigPath);
        Assert.Contains($"token-file: {tokenFile}", config, StringComparison.Ordinal);
        Assert.DoesNotContain(CliController.OperatorToken, config, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigPath));
    }

    [Fact]
    public async Task GetContexts_TwoContexts_MarksTheCurrentAndUseContextSwitches()
    {
        _cmctl.Environment["CM_PROD_TOKEN"] = CliController.OperatorToken;
        await _cmctl.RunAsync("config", "set-context", "prod", "--server", controller.Server.ToString(), "--token-env", "CM_PROD_TOKEN").Exit(0);
        await _cmctl.RunAsync("config", "set-context", "lab", "--server", "https://lab.cloudmgmt.example", "--token-file", "~/lab.token").Exit(0);

        var lines = (await _cmctl.RunAsync("config", "get-contexts").Exit(0)).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["CURRENT", "NAME", "SERVER", "CREDENTIAL"], Cells(lines[0]));
        Assert.Equal(["*", "prod", controller.Server.ToString(), "env:CM_PROD_TOKEN"], Cells(lines[1]));
        Assert.Equal(["lab", "https://lab.cloudmgmt.example", "file:~/lab.token"], Cells(lines[2]));

        await _cmctl.RunAsync("config", "use-context", "lab").Exit(0);
        Assert.Equal("lab\n", (await _cmctl.RunAsync("config", "current-context").Exit(0)).Out);
    }

    [Fact]
    public async Task ContextFlag_NamedContext_WinsOverCurrentAndEnvironment()
    {
        _cmctl.Environment["CM_PROD_TOKEN"] = CliController.OperatorToken;
        await _cmctl.RunAsync("config", "set-context", "prod", "--server", controller.Server.ToString(), "--token-env", "CM_PROD_TOKEN").Exit(0);
        await _cmctl.RunAsync("config", "set-context", "broken", "--server", "http://127.0.0.1:1", "--token-env", "CM_PROD_TOKEN", "--use").Exit(0);
        _cmctl.Environment["CMCTL_SERVER"] = "http://127.0.0.1:2";

        await _cmctl.RunAsync("pools", "list", "--context", "prod").Exit(0);
        await _cmctl.RunAsync("pools", "list").Exit(1); // the environment's server, which does not answer
    }

    [Fact]
    public async Task EnvironmentVariables_ServerAndToken_NeedNoConfigFile()
    {
        _cmctl.WithServer(controller.Server, CliController.OperatorToken);

        await _cmctl.RunAsync("pools", "list").Exit(0);

        Assert.False(File.Exists(ConfigPath));
    }

    [Fact]
    public async Task AnyVerb_NoServerConfigured_ExitsOneSayingHowToSetOne()
    {
        var run = await _cmctl.RunAsync("pools", "list").Exit(1);

        Assert.Contains("cmctl config set-context", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyVerb_TokenVariableUnset_ExitsOneNamingTheVariable()
    {
        await _cmctl.RunAsync("config", "set-context", "prod", "--server", controller.Server.ToString(), "--token-env", "CM_MISSING").Exit(0);

        var run = await _cmctl.RunAsync("pools", "list").Exit(1);

        Assert.Contains("$CM_MISSING", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyVerb_WrongToken_ExitsFiveAndNeverPrintsTheToken()
    {
        _cmctl.WithServer(controller.Server, "wrong-token-123");

        var run = await _cmctl.RunAsync("pools", "list").Exit(5);

        Assert.Contains("Error: Authentication required (401)", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token-123", run.Out + run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyVerb_TokenFileReadableByOthers_WarnsAndStillWorks()
    {
        var tokenFile = TokenFile(CliController.OperatorToken);
        File.SetUnixFileMode(tokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        await _cmctl.RunAsync("config", "set-context", "prod", "--server", controller.Server.ToString(), "--token-file", tokenFile).Exit(0);

        var run = await _cmctl.RunAsync("pools", "list").Exit(0);

        Assert.Contains("can be read by other users", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetContext_PlainHttpToAnotherHost_RefusedUnlessAllowed()
    {
        _cmctl.Environment["T"] = "x";
        await _cmctl.RunAsync("config", "set-context", "far", "--server", "http://cloudmgmt.gov.example", "--token-env", "T").Exit(0);

        var run = await _cmctl.RunAsync("pools", "list").Exit(1);

        Assert.Contains("in the clear", run.Err, StringComparison.Ordinal);
    }

    private string TokenFile(string token)
    {
        var path = Path.Combine(_cmctl.Home, "token");
        File.WriteAllText(path, token + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    private static string[] Cells(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public void Dispose() => _cmctl.Dispose();
}
