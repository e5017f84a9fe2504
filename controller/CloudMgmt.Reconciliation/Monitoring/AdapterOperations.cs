using System.Text.RegularExpressions;
using CloudMgmt.Adapters;

namespace CloudMgmt.Reconciliation.Monitoring;

/// <summary>Bounded label values for adapter calls: the contract method's name and the outcome, in snake case.</summary>
internal static partial class AdapterOperations
{
    /// <summary>"adapter.ListGrantsAsync" or "c => adapter.ReleaseGrantAsync(reference, c)" → "list_grants", "release_grant".</summary>
    public static string Name(string expression)
    {
        var match = MethodName().Match(expression);
        return match.Success ? Snake(match.Groups[1].Value) : "other";
    }

    public static string Outcome(AdapterError? error) => error is null ? "ok" : Snake(error.Kind.ToString());

    private static string Snake(string pascal) => Words().Replace(pascal, "$1_$2").ToLowerInvariant();

    [GeneratedRegex(@"\.(\w+?)Async\b")]
    private static partial Regex MethodName();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex Words();
}
