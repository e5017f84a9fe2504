namespace CloudMgmt.Deploy.Tests.Infrastructure;

/// <summary>
/// Helm and promtool, installed once per test run by the project's own set-up scripts
/// (tests/setup/install-helm.sh, tests/setup/install-promtool.sh), which print the binary's path last.
/// </summary>
public sealed class DeployTools : IAsyncLifetime
{
    private static readonly TimeSpan InstallDeadline = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan CommandDeadline = TimeSpan.FromMinutes(2);

    public string Helm { get; private set; } = "";

    public string Promtool { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var installs = await Task.WhenAll(Install("install-helm.sh"), Install("install-promtool.sh"));
        (Helm, Promtool) = (installs[0], installs[1]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    internal Task<ProcessResult> RunHelm(params string[] arguments) =>
        ProcessRun.Run(Helm, arguments, RepoPaths.Root, CommandDeadline);

    internal Task<ProcessResult> RunPromtool(string workingDirectory, params string[] arguments) =>
        ProcessRun.Run(Promtool, arguments, workingDirectory, CommandDeadline);

    private static async Task<string> Install(string script)
    {
        var result = await ProcessRun.Run("bash", [RepoPaths.Of("tests", "setup", script)], RepoPaths.Root, InstallDeadline);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed: {result}");
        }

        var path = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return path is not null && File.Exists(path) ? path : throw new InvalidOperationException($"{script} printed no binary path: {result}");
    }
}

[CollectionDefinition(Name)]
public sealed class DeployToolsCollection : ICollectionFixture<DeployTools>
{
    public const string Name = "deploy tools";
}
