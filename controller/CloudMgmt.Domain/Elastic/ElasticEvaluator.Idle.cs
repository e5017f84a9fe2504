using CloudMgmt.Domain.Usage;

namespace CloudMgmt.Domain.Elastic;

public static partial class ElasticEvaluator
{
    private static ElasticDecision? MarkIdle(IReadOnlyList<UsageSample> series, GrantElasticState state, ElasticSettings settings, DateTimeOffset now)
    {
        if (UsageWindow.Covering(series, now, settings.IdleWindow) is not { } window
            || !state.Resources.Names.All(r => UsageWindow.Always(window, r, x => x <= settings.IdleThreshold)))
        {
            return null;
        }

        var peaks = string.Join(", ", state.Resources.Names.Select(r => $"{r} {Ratio(UsageWindow.Range(window, r)!.Value.Max)}"));
        var reclaimAt = now + settings.ReclaimGrace;
        var then = !settings.ReclaimEnabled ? "reclaim is off for it"
            : state.Protected ? "it is protected, so it will not be reclaimed"
            : $"reclaim due at {reclaimAt:yyyy-MM-dd HH:mm}Z unless it is used again, protected or postponed";
        return new ElasticDecision(ElasticAction.MarkIdle,
            $"elastic idle: usage ≤ {Ratio(settings.IdleThreshold)} for {Durations.Format(settings.IdleWindow)} (peak {peaks}); {then}",
            IdleSince: now - settings.IdleWindow, ReclaimAt: reclaimAt);
    }

    private static ElasticDecision FollowUpIdle(IReadOnlyList<UsageSample> series, GrantElasticState state, ElasticSettings settings, DateTimeOffset now)
    {
        var since = state.IdleMarkedAt ?? state.IdleSince!.Value;
        foreach (var sample in series.Where(s => s.At > since))
        {
            if (state.Resources.Names.FirstOrDefault(r => sample.Ratio(r) is { } x && x > settings.IdleThreshold) is { } busy)
            {
                return new ElasticDecision(ElasticAction.ClearIdle,
                    $"elastic: used again ({busy} usage {Ratio(sample.Ratio(busy)!.Value)} > {Ratio(settings.IdleThreshold)} at {sample.At:yyyy-MM-dd HH:mm}Z); no longer idle");
            }
        }

        if (!settings.ReclaimEnabled || state.EffectiveReclaimAt is not { } due || now < due)
        {
            return ElasticDecision.None;
        }

        var postponed = state.PostponedUntil is { } until && until >= state.ReclaimAt ? $", postponed until {until:yyyy-MM-dd HH:mm}Z" : "";
        return new ElasticDecision(ElasticAction.Reclaim,
            $"elastic reclaim: idle since {state.IdleSince:yyyy-MM-dd HH:mm}Z (usage ≤ {Ratio(settings.IdleThreshold)}), marked {since:yyyy-MM-dd HH:mm}Z, grace of {Durations.Format(settings.ReclaimGrace)} over{postponed}; {state.Resources} released",
            Target: state.Resources);
    }
}
