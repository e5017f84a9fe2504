using System.Globalization;
using System.Text.RegularExpressions;

namespace CloudMgmt.Api.Tests.Monitoring;

/// <summary>A parsed Prometheus text exposition: find a sample by name and (some of) its labels.</summary>
internal sealed partial class Scrape(string text)
{
    public string Text { get; } = text;

    public IEnumerable<(IReadOnlyDictionary<string, string> Labels, double Value)> Samples(string name)
    {
        foreach (var line in Text.Split('\n'))
        {
            var match = Line().Match(line);
            if (!match.Success || match.Groups["name"].Value != name)
                continue;
            var labels = LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            yield return (labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The value of the one sample with these labels, or null when there is none.</summary>
    public double? Value(string name, params (string Key, string Value)[] labels)
    {
        var found = Samples(name).Where(s => labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
        Assert.True(found.Count <= 1, $"{found.Count} samples of {name} match");
        return found.Count == 0 ? null : found[0].Value;
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)""")]
    private static partial Regex Line();

    [GeneratedRegex(@"(\w+)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
