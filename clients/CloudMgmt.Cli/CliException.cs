namespace CloudMgmt.Cli;

/// <summary>A failure cmctl reports itself (configuration, a wait that timed out), with the exit code it ends with.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
