using System.CommandLine;
using CloudMgmt.Cli.Output;

namespace CloudMgmt.Cli.Hosting;

/// <summary>The options every command takes.</summary>
internal sealed class Globals
{
    public Option<string?> Context { get; } = new("--context")
    {
        Description = "Use this context from the config file instead of the current one (and ignore CMCTL_SERVER/CMCTL_TOKEN)",
        Recursive = true,
    };

    public Option<OutputFormat> Output { get; } = new("--output", "-o")
    {
        Description = "Output format: table (default; fits the terminal), json, yaml or csv",
        HelpName = "table|json|yaml|csv",
        Recursive = true,
                CustomParser = r => Enum.TryParse<OutputFormat>(r.Tokens.Single().Value, ignoreCase: true, out var f) && !int.TryParse(r.Tokens.Single().Value, out _)
            ? f
            : Fail(r),
    };

    public Globals()
    {
        Output.CompletionSources.Clear();
        Output.CompletionSources.Add("table", "json", "yaml", "csv");
    }

    private static OutputFormat Fail(System.CommandLine.Parsing.ArgumentResult r)
    {
        r.AddError($"'{r.Tokens.Single().Value}' is not an output format: use table, json, yaml or csv");
        return OutputFormat.Table;
    }
}
