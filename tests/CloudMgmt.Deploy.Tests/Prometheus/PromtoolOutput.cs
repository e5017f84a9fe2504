namespace CloudMgmt.Deploy.Tests.Prometheus;

/// <summary>
/// `promtool test rules` output, one block per test file: "Unit Testing:  &lt;file&gt;" then
/// "SUCCESS" or "FAILED:" with the failing groups.
/// </summary>
internal static class PromtoolOutput
{
    private const string Header = "Unit Testing:";

    public static IReadOnlyDictionary<string, string> BlocksByFile(string output) =>
        output.Split(Header, StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Trim())
            .Where(block => block.Length > 0)
            .ToDictionary(block => block.Split('\n')[0].Trim(), block => block);

    public static bool Succeeded(string block) => block.Contains("SUCCESS", StringComparison.Ordinal) && !block.Contains("FAILED", StringComparison.Ordinal);
}
