using System.CommandLine;
using CloudMgmt.Cli.Commands;
using CloudMgmt.Cli.Output;

namespace CloudMgmt.Cli.Hosting;

/// <summary>The command tree, and how a command line becomes an exit code.</summary>
internal static class CliApp
{
    public static RootCommand Build(Terminal terminal)
    {
        var globals = new Globals();
        var run = new Runner(terminal, globals);
        var root = new RootCommand(
            "cmctl: the CloudMgmt command line. Server and token come from the current context " +
            "(cmctl config set-context), or from CMCTL_SERVER and CMCTL_TOKEN.\n" +
            "Exit codes: 0 done, 1 error, 2 usage or invalid input, 3 not found, 4 conflict or no fit, 5 not authorised.");
        root.Options.Add(globals.Context);
        root.Options.Add(globals.Output);
        foreach (var command in new[]
        {
            PoolsCommands.Build(run), TenantsCommands.Build(run), AllocCommands.Build(run), ApprovalsCommands.Build(run),
            CloudsCommands.Build(run), ReportCommands.Build(run), KeysCommands.Build(run), AuditCommands.Build(run), ConfigCommands.Build(run),
            CompletionCommand.Build(run),
        })
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, Terminal terminal, CancellationToken ct = default)
    {
        var parse = Build(terminal).Parse(args);
        var config = new InvocationConfiguration { Output = terminal.Out, Error = terminal.Error };
        if (parse.Errors.Count > 0 && parse.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            // The errors and where to read more, on stderr; the whole help would bury the one line that matters.
            foreach (var error in parse.Errors)
            {
                terminal.Error.WriteLine($"{Texts.Error(terminal)}: {error.Message}");
            }

            terminal.Error.WriteLine(Texts.SeeHelp(terminal, CommandPath(parse.CommandResult)));
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(config, ct);
    }

    /// <summary>"cmctl pools create" for the command a parse ended in.</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (System.CommandLine.Parsing.SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is System.CommandLine.Parsing.CommandResult c)
            {
                names.Insert(0, c.Command is RootCommand ? "cmctl" : c.Command.Name);
            }
        }

        return string.Join(' ', names);
    }
}
