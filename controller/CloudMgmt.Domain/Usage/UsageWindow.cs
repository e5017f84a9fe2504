namespace CloudMgmt.Domain.Usage;

/// <summary>
/// What a series says about the last <c>window</c> before <c>now</c>, read as a step function (usage
/// between two samples is the earlier one's). A window is covered only when the history reaches back
/// to its start: the sample in force at the start is part of it.
/// </summary>
public static class UsageWindow
{
    /// <summary>The samples that describe [now - window, now]: the one in force at the start and all after it; null when the history does not reach back that far.</summary>
    public static IReadOnlyList<UsageSample>? Covering(IReadOnlyList<UsageSample> series, DateTimeOffset now, TimeSpan window)
    {
        var start = now - window;
        var first = -1;
        for (var i = 0; i < series.Count && series[i].At <= start; i++)
        {
            first = i;
        }

        if (first < 0)
        {
            return null;
        }

        var covering = new List<UsageSample>();
        for (var i = first; i < series.Count && series[i].At <= now; i++)
        {
            covering.Add(series[i]);
        }

        return covering;
    }

    /// <summary>True when every sample of the window has a ratio for <paramref name="resource"/> that satisfies <paramref name="holds"/>.</summary>
    public static bool Always(IReadOnlyList<UsageSample> window, string resource, Func<double, bool> holds) =>
        window.Count > 0 && window.All(s => s.Ratio(resource) is { } r && holds(r));

    /// <summary>The lowest and highest ratio of one resource over the window (null when it is never granted).</summary>
    public static (double Min, double Max)? Range(IReadOnlyList<UsageSample> window, string resource)
    {
        var ratios = window.Select(s => s.Ratio(resource)).OfType<double>().ToList();
        return ratios.Count == 0 ? null : (ratios.Min(), ratios.Max());
    }
}
