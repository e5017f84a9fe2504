using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace CloudMgmt.Cli.Hosting;

/// <summary>Options that take NAME=VALUE pairs, repeated or comma-separated: --quota vcpu=64,memoryGiB=256 --quota gpu=2.</summary>
internal static class Amounts
{
    public static Option<Dictionary<string, long>?> Resources(string name, string description) => new(name)
    {
        Description = description + " (NAME=AMOUNT, repeat or separate with commas, e.g. vcpu=64,memoryGiB=256)",
        HelpName = "NAME=AMOUNT",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
        CustomParser = r => Parse(r, long.Parse, v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _), "a whole number of at least 0"),
    };

    public static Option<Dictionary<string, string>?> Labels(string name, string description) => new(name)
    {
        Description = description + " (KEY=VALUE, repeat or separate with commas)",
        HelpName = "KEY=VALUE",
        Arity = ArgumentArity.ZeroOrMore,
        CustomParser = r => Parse(r, v => v, _ => true, "text"),
    };

    private static Dictionary<string, T>? Parse<T>(ArgumentResult r, Func<string, T> convert, Func<string, bool> valid, string expected)
    {
        if (r.Tokens.Count == 0)
        {
            return null;
        }

        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var pair in r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0 || !valid(pair[(eq + 1)..]))
            {
                r.AddError($"'{pair}' is not NAME=VALUE with VALUE {expected}");
                return null;
            }

            if (!result.TryAdd(pair[..eq], convert(pair[(eq + 1)..])))
            {
                r.AddError($"'{pair[..eq]}' is given twice");
                return null;
            }
        }

        return result;
    }
}
