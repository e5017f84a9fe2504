using CloudMgmt.Domain.Usage;

namespace CloudMgmt.Domain.Elastic;

/// <summary>The ratios (used / granted) the windows are kept against: the policy's watermarks and idle threshold for the grant.</summary>
public sealed record ElasticThresholds(double High, double Low, double Idle)
{
    public static ElasticThresholds Of(ElasticSettings settings) => new(settings.HighWatermark, settings.LowWatermark, settings.IdleThreshold);
}

/// <summary>
/// What the elastic policy needs to know of one grant's usage, kept as it is observed instead of as
/// a series: for each resource, since when its ratio has stayed at or above the high watermark, at or
/// below the low watermark, and at or below the idle threshold (each a run of consecutive samples
/// reaching to the latest), the extreme ratio and peak use within each run, and when it was last
/// above the idle threshold. "Stayed so for the whole window" is then "the run began at or before
/// the window's start", exactly as on the series (<see cref="UsageWindow.Covering"/>). The peak use
/// a shrink aims at is the run's, which covers the window and may reach further back, so a shrink
/// never goes below what the window alone would allow. Memory: a few numbers per resource,
/// whatever the windows' lengths. Windows start again at <see cref="Restart"/> (after an elastic
/// resize) and with other thresholds.
/// </summary>
public sealed class ElasticWindows(ElasticThresholds thresholds)
{
    private string[] _names = [];
    private ResourceRuns[] _runs = [];

    public ElasticThresholds Thresholds { get; } = thresholds;

    /// <summary>The first sample counted (since tracking began or the last restart); null before any.</summary>
    public DateTimeOffset? FirstAt { get; private set; }

    public DateTimeOffset? LastAt { get; private set; }

    /// <summary>When the windows were started (again): samples before it do not count.</summary>
    public DateTimeOffset StartedAt { get; private set; } = DateTimeOffset.MinValue;

    public IEnumerable<KeyValuePair<string, ResourceRuns>> Resources => _names.Zip(_runs, (n, r) => new KeyValuePair<string, ResourceRuns>(n, r));

    public ResourceRuns? this[string resource]
    {
        get
        {
            var i = Array.IndexOf(_names, resource);
            return i >= 0 ? _runs[i] : null;
        }
    }

    /// <summary>Windows as another holder kept them (they cross from the usage grain to the elastic pass as figures).</summary>
    public static ElasticWindows Restore(
        ElasticThresholds thresholds, DateTimeOffset startedAt, DateTimeOffset? firstAt, DateTimeOffset? lastAt, IEnumerable<KeyValuePair<string, ResourceRuns>> resources)
    {
        var windows = new ElasticWindows(thresholds) { StartedAt = startedAt, FirstAt = firstAt, LastAt = lastAt };
        var list = resources.ToList();
        windows._names = list.Select(r => r.Key).ToArray();
        windows._runs = list.Select(r => r.Value).ToArray();
        return windows;
    }

    /// <summary>The windows from a series (oldest first), starting again at <paramref name="restartAt"/>.</summary>
    public static ElasticWindows Of(IEnumerable<UsageSample> series, ElasticThresholds thresholds, DateTimeOffset? restartAt = null)
    {
        var windows = new ElasticWindows(thresholds);
        if (restartAt is { } at)
        {
            windows.Restart(at);
        }

        foreach (var sample in series)
        {
            windows.Add(sample);
        }

        return windows;
    }

    /// <summary>Forgets the runs; they begin again with the first sample at or after <paramref name="at"/>.</summary>
    public void Restart(DateTimeOffset at)
    {
        _names = [];
        _runs = [];
        FirstAt = null;
        StartedAt = at;
    }

    public void Add(UsageSample sample)
    {
        if (sample.At < StartedAt || (LastAt is { } last && sample.At < last))
        {
            return; // before a restart, or late: the runs only move forward
        }

        FirstAt ??= sample.At;
        LastAt = sample.At;
        var names = sample.Granted.Names.Union(_names).ToArray();
        if (names.Length != _names.Length)
        {
            _runs = names.Select(n => this[n] ?? ResourceRuns.None).ToArray();
            _names = names;
        }

        for (var i = 0; i < _names.Length; i++)
        {
            _runs[i] = _runs[i].Add(sample.At, sample.Ratio(_names[i]), sample.Used[_names[i]], Thresholds);
        }
    }
}

/// <summary>
/// One resource's runs. A run's start is null when the latest sample broke it (or none came yet);
/// a sample where the resource is not granted has no ratio and breaks every run, as on the series.
/// </summary>
public readonly record struct ResourceRuns(
    DateTimeOffset? HighSince, double HighMin,
    DateTimeOffset? LowSince, double LowMax, long LowPeakUsed,
    DateTimeOffset? IdleSince, double IdleMax,
    DateTimeOffset? AboveIdleAt, double AboveIdleRatio)
{
    public static readonly ResourceRuns None = new(null, 0, null, 0, 0, null, 0, null, 0);

    public ResourceRuns Add(DateTimeOffset at, double? ratio, long used, ElasticThresholds t)
    {
        if (ratio is not { } r)
        {
            return None with { AboveIdleAt = AboveIdleAt, AboveIdleRatio = AboveIdleRatio };
        }

        var high = r >= t.High;
        var low = r <= t.Low;
        var idle = r <= t.Idle;
        return new ResourceRuns(
            high ? HighSince ?? at : null, high ? (HighSince is null ? r : Math.Min(HighMin, r)) : 0,
            low ? LowSince ?? at : null, low ? (LowSince is null ? r : Math.Max(LowMax, r)) : 0, low ? (LowSince is null ? used : Math.Max(LowPeakUsed, used)) : 0,
            idle ? IdleSince ?? at : null, idle ? (IdleSince is null ? r : Math.Max(IdleMax, r)) : 0,
            idle ? AboveIdleAt : at, idle ? AboveIdleRatio : r);
    }
}
