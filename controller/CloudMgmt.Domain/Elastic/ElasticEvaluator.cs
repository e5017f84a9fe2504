using CloudMgmt.Domain.Resources;
using CloudMgmt.Domain.Usage;

namespace CloudMgmt.Domain.Elastic;

/// <summary>
/// Decides what the elastic controller does with one grant, from its usage windows, its elastic
/// state and the rules in force. Pure: the same inputs give the same decision, so every branch is
/// tested with made-up series and times. One decision per call, in this order: follow up an idle
/// mark (clear it or reclaim), mark idle, grow, shrink.
/// </summary>
public static partial class ElasticEvaluator
{
    /// <summary>Without an observation this recent the grant's state is unknown, and nothing is done.</summary>
    public static readonly TimeSpan MaxSampleAge = TimeSpan.FromMinutes(5);

    /// <summary>Decides on a series (oldest first), as the windows kept from it would.</summary>
    public static ElasticDecision Decide(IReadOnlyList<UsageSample> series, GrantElasticState state, ElasticSettings settings, DateTimeOffset now) =>
        Decide(ElasticWindows.Of(series, ElasticThresholds.Of(settings), state.LastActionAt), state, settings, now);

    public static ElasticDecision Decide(ElasticWindows windows, GrantElasticState state, ElasticSettings settings, DateTimeOffset now)
    {
        if (windows.LastAt is not { } last || now - last > MaxSampleAge || state.Resources.IsZero || windows.Thresholds != ElasticThresholds.Of(settings))
        {
            return ElasticDecision.None;
        }

        if (state.IdleSince is not null)
        {
            return FollowUpIdle(windows, state, settings, now);
        }

        // Windows start again after an elastic resize: the load that caused one step must not cause the next.
        if (state.LastActionAt is { } action && windows.StartedAt < action)
        {
            return ElasticDecision.None;
        }

        return (settings.IdleEnabled ? MarkIdle(windows, state, settings, now) : null)
            ?? (settings.GrowEnabled && !state.GrowPending ? Grow(windows, state, settings, now) : null)
            ?? (settings.ShrinkEnabled && !state.Protected ? Shrink(windows, state, settings, now) : null)
            ?? ElasticDecision.None;
    }

    /// <summary>The run began at or before the window's start: every sample of the window kept to it.</summary>
    private static bool Covers(DateTimeOffset? since, DateTimeOffset now, TimeSpan window) => since is { } s && s <= now - window;

    private static ElasticDecision? Grow(ElasticWindows windows, GrantElasticState state, ElasticSettings settings, DateTimeOffset now)
    {
        var hot = state.Resources.Names.Where(r => Covers(windows[r]?.HighSince, now, settings.GrowWindow)).ToList();
        if (hot.Count == 0)
        {
            return null;
        }

        var target = With(state.Resources, hot.Select(r => (r, settings.GrowStep.Apply(state.Resources[r]))));
        var why = hot.Select(r => $"{r} usage {Ratio(windows[r]!.Value.HighMin)} ≥ {Ratio(settings.HighWatermark)} for {Durations.Format(settings.GrowWindow)}");
        return new ElasticDecision(ElasticAction.Grow, $"elastic grow: {string.Join(", ", why)}; {Change(state.Resources, target, hot)}", target);
    }

    private static ElasticDecision? Shrink(ElasticWindows windows, GrantElasticState state, ElasticSettings settings, DateTimeOffset now)
    {
        var cold = new List<(string Resource, long Size)>();
        var why = new List<string>();
        foreach (var r in state.Resources.Names.Where(r => Covers(windows[r]?.LowSince, now, settings.ShrinkWindow)))
        {
            var runs = windows[r]!.Value;
            var size = Math.Max(Math.Max((long)Math.Ceiling(runs.LowPeakUsed * settings.Headroom), settings.Minimum[r]), 1);
            if (size < state.Resources[r])
            {
                cold.Add((r, size));
                why.Add($"{r} usage {Ratio(runs.LowMax)} ≤ {Ratio(settings.LowWatermark)} for {Durations.Format(settings.ShrinkWindow)} (peak {runs.LowPeakUsed} used, headroom {settings.Headroom:0.##})");
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
