using CloudMgmt.Domain.Resources;
using CloudMgmt.Domain.Usage;

namespace CloudMgmt.Domain.Elastic;

/// <summary>
/// Decides what the elastic controller does with one grant, from its usage series, its elastic
/// state and the rules in force. Pure: the same inputs give the same decision, so every branch is
/// tested with made-up series and times. One decision per call, in this order: follow up an idle
/// mark (clear it or reclaim), mark idle, grow, shrink.
/// </summary>
public static partial class ElasticEvaluator
{
    /// <summary>Without an observation this recent the grant's state is unknown, and nothing is done.</summary>
    public static readonly TimeSpan MaxSampleAge = TimeSpan.FromMinutes(5);

    public static ElasticDecision Decide(IReadOnlyList<UsageSample> series, GrantElasticState state, ElasticSettings settings, DateTimeOffset now)
    {
        if (series.Count == 0 || now - series[^1].At > MaxSampleAge || state.Resources.IsZero)
        {
            return ElasticDecision.None;
        }

        if (state.IdleSince is not null)
        {
            return FollowUpIdle(series, state, settings, now);
        }

        // Windows start again after an elastic resize: the load that caused one step must not cause the next.
        var usable = state.LastActionAt is { } last ? series.Where(s => s.At >= last).ToList() : series;
        return (settings.IdleEnabled ? MarkIdle(usable, state, settings, now) : null)
            ?? (settings.GrowEnabled && !state.GrowPending ? Grow(usable, state, settings, now) : null)
            ?? (settings.ShrinkEnabled && !state.Protected ? Shrink(usable, state, settings, now) : null)
            ?? ElasticDecision.None;
    }

    private static ElasticDecision? Grow(IReadOnlyList<UsageSample> series, GrantElasticState state, ElasticSettings settings, DateTimeOffset now)
    {
        if (UsageWindow.Covering(series, now, settings.GrowWindow) is not { } window)
        {
            return null;
        }

        var hot = state.Resources.Names.Where(r => UsageWindow.Always(window, r, x => x >= settings.HighWatermark)).ToList();
        if (hot.Count == 0)
        {
            return null;
        }

        var target = With(state.Resources, hot.Select(r => (r, settings.GrowStep.Apply(state.Resources[r]))));
        var why = hot.Select(r => $"{r} usage {Ratio(UsageWindow.Range(window, r)!.Value.Min)} ≥ {Ratio(settings.HighWatermark)} for {Durations.Format(settings.GrowWindow)}");
        return new ElasticDecision(ElasticAction.Grow, $"elastic grow: {string.Join(", ", why)}; {Change(state.Resources, target, hot)}", target);
    }

    private static ElasticDecision? Shrink(IReadOnlyList<UsageSample> series, GrantElasticState state, ElasticSettings settings, DateTimeOffset now)
    {
        if (UsageWindow.Covering(series, now, settings.ShrinkWindow) is not { } window)
        {
            return null;
        }

        var cold = new List<(string Resource, long Size)>();
        var why = new List<string>();
        foreach (var r in state.Resources.Names.Where(r => UsageWindow.Always(window, r, x => x <= settings.LowWatermark)))
        {
            var peak = window.Max(s => s.Used[r]);
            var size = Math.Max(Math.Max((long)Math.Ceiling(peak * settings.Headroom), settings.Minimum[r]), 1);
            if (size < state.Resources[r])
            {
                cold.Add((r, size));
                why.Add($"{r} usage {Ratio(UsageWindow.Range(window, r)!.Value.Max)} ≤ {Ratio(settings.LowWatermark)} for {Durations.Format(settings.ShrinkWindow)} (peak {peak} used, headroom {settings.Headroom:0.##})");
            }
        }

        if (cold.Count == 0)
        {
            return null;
        }

        var target = With(state.Resources, cold);
        return new ElasticDecision(ElasticAction.Shrink, $"elastic shrink: {string.Join(", ", why)}; {Change(state.Resources, target, cold.Select(c => c.Resource))}", target);
    }

    private static ResourceVector With(ResourceVector current, IEnumerable<(string Resource, long Size)> changes)
    {
        var values = current.ToDictionary();
        foreach (var (resource, size) in changes)
        {
            values[resource] = size;
        }

        return ResourceVector.From(values);
    }

    private static string Change(ResourceVector from, ResourceVector to, IEnumerable<string> resources) =>
        string.Join(", ", resources.Select(r => $"{r} {from[r]} → {to[r]}"));

    private static string Ratio(double value) => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
