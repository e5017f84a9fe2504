namespace CloudMgmt.Cli.Output;

/// <summary>What cmctl knows of where its output goes: the environment, and whether stdout is a terminal.</summary>
internal sealed class Terminal(TextWriter output, TextWriter error, Func<string, string?> environment, bool outputIsTerminal)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public Func<string, string?> Environment { get; } = environment;

    public static Terminal FromConsole() => new(Console.Out, Console.Error, System.Environment.GetEnvironmentVariable, !Console.IsOutputRedirected);

    /// <summary>Columns to fit tables in: $COLUMNS when set, else the terminal's width; none (no cutting) when piped.</summary>
    public int? Width
    {
        get
        {
            if (int.TryParse(Environment("COLUMNS"), out var columns) && columns > 0)
            {
                return columns;
            }

            return outputIsTerminal && Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
    }

    /// <summary>Colour only on a terminal, and never with NO_COLOR set (no-color.org) or TERM=dumb.</summary>
    public bool Colour => outputIsTerminal && string.IsNullOrEmpty(Environment("NO_COLOR")) && Environment("TERM") != "dumb";

    /// <summary>zh-CN messages when the locale asks for Chinese (CMCTL_LANG, LC_ALL, LC_MESSAGES or LANG starting with "zh").</summary>
    public bool Chinese =>
        (new[] { "CMCTL_LANG", "LC_ALL", "LC_MESSAGES", "LANG" }.Select(Environment).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "")
        .StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
