namespace CloudMgmt.Domain.Elastic;

public static partial class ElasticEvaluator
{
    private static ElasticDecision? MarkIdle(ElasticWindows windows, GrantElasticState state, ElasticSettings settings, DateTimeOffset now)
    {
        if (!state.Resources.Names.All(r => Covers(windows[r]?.IdleSince, now, settings.IdleWindow)))
        {
            return null;
        }

        var peaks = string.Join(", ", state.Resources.Names.Select(r => $"{r} {Ratio(windows[r]!.Value.IdleMax)}"));
        var reclaimAt = now + settings.ReclaimGrace;
        var then = !settings.ReclaimEnabled ? "reclaim is off for it"
            : state.Protected ? "it is protected, so it will not be reclaimed"
            : $"reclaim due at {reclaimAt:yyyy-MM-dd HH:mm}Z unless it is used again, protected or postponed";
        return new ElasticDecision(ElasticAction.MarkIdle,
            $"elastic idle: usage ≤ {Ratio(settings.IdleThreshold)} for {Durations.Format(settings.IdleWindow)} (peak {peaks}); {then}",
            IdleSince: now - settings.IdleWindow, ReclaimAt: reclaimAt);
    }

    private static ElasticDecision FollowUpIdle(ElasticWindows windows, GrantElasticState state, ElasticSettings settings, DateTimeOffset now)
    {
        var since = state.IdleMarkedAt ?? state.IdleSince!.Value;
        if (state.Resources.Names.FirstOrDefault(r => windows[r]?.AboveIdleAt > since) is { } busy)
        {
            var runs = windows[busy]!.Value;
            return new ElasticDecision(ElasticAction.ClearIdle,
                $"elastic: used again ({busy} usage {Ratio(runs.AboveIdleRatio)} > {Ratio(settings.IdleThreshold)} at {runs.AboveIdleAt:yyyy-MM-dd HH:mm}Z); no longer idle");
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
