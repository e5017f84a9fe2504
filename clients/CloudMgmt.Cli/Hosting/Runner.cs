using System.CommandLine;
using CloudMgmt.Cli.Config;
using CloudMgmt.Cli.Output;
using CloudMgmt.Client;
using CloudMgmt.Client.Problems;

namespace CloudMgmt.Cli.Hosting;

/// <summary>Runs a command's work with a client and a printer, and turns every failure into a message on stderr and an exit code.</summary>
internal sealed class Runner(Terminal terminal, Globals globals)
{
    public Terminal Terminal => terminal;

    public ConfigStore Store { get; } = new(terminal.Environment);

    /// <summary>A command that talks to the server.</summary>
    public void Action(Command command, Func<ParseResult, CloudMgmtClient, Printer, CancellationToken, Task<int>> work) =>
        command.SetAction((parse, ct) => Guard(async () =>
        {
            var options = Connection.Resolve(parse.GetValue(globals.Context), Store, terminal);
            try
            {
                using var client = CloudMgmtClient.Create(options);
                return await work(parse, client, Printer(parse), ct);
            }
            catch (HttpRequestException e)
            {
                throw new CliException(ExitCodes.Error, Texts.Unreachable(terminal, options.BaseAddress!, e.Message));
            }
        }));

    /// <summary>A command that works locally (config, completion).</summary>
    public void LocalAction(Command command, Func<ParseResult, Printer, int> work) =>
        command.SetAction((parse, _) => Guard(() => Task.FromResult(work(parse, Printer(parse)))));

    private Printer Printer(ParseResult parse) => new(terminal, parse.GetValue(globals.Output));

    private async Task<int> Guard(Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (CloudMgmtException e)
        {
            ErrorReport.Write(terminal, e.Problem);
            return ExitCodes.For(e);
        }
        catch (CliException e)
        {
            terminal.Error.WriteLine($"{Texts.Error(terminal)}: {e.Message}");
            return e.ExitCode;
        }
        catch (ArgumentException e) when (e.Message.StartsWith("CloudMgmt client options", StringComparison.Ordinal))
        {
            terminal.Error.WriteLine($"{Texts.Error(terminal)}: {e.Message}");
            return ExitCodes.Error;
        }
        catch (Polly.Timeout.TimeoutRejectedException e)
        {
            terminal.Error.WriteLine($"{Texts.Error(terminal)}: {e.Message}");
            return ExitCodes.Error;
        }
    }
}
