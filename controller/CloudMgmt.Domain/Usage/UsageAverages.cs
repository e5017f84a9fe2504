using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Usage;

/// <summary>Time-weighted means of a series over a window, per resource, as exact fractions.</summary>
public sealed record UsageMean(IReadOnlyDictionary<string, double> Granted, IReadOnlyDictionary<string, double> Used, int Samples)
{
    /// <summary>Rounded to whole units, for messages that carry resource vectors.</summary>
    public static ResourceVector Round(IReadOnlyDictionary<string, double> mean) =>
        ResourceVector.From(mean.Select(e => new KeyValuePair<string, long>(e.Key, (long)Math.Round(e.Value, MidpointRounding.AwayFromZero))));
}

/// <summary>
/// Averages a usage series over a window. Each sample inside the window stands for the time until
/// the next one (a step function, as the cloud was last seen), but for no longer than
/// <c>maxStep</c>: a gap in the observations (a cloud that did not answer) must not let one stale
/// sample dominate. The last sample stands until the end of the window, with the same cap.
/// </summary>
public static class UsageAverages
{
    public static UsageMean? Mean(IReadOnlyList<UsageSample> series, DateTimeOffset from, DateTimeOffset to, TimeSpan maxStep)
    {
        var inside = series.Where(s => s.At >= from && s.At <= to).ToList();
        if (inside.Count == 0)
        {
            return null;
        }

        var weights = new double[inside.Count];
        for (var i = 0; i < inside.Count; i++)
        {
            var until = i + 1 < inside.Count ? inside[i + 1].At : to;
            weights[i] = Math.Min((until - inside[i].At).TotalSeconds, maxStep.TotalSeconds);
        }

        if (weights.Sum() <= 0)
        {
            Array.Fill(weights, 1.0); // every sample at one instant: a plain mean
        }

        return new UsageMean(Weighted(inside, weights, s => s.Granted), Weighted(inside, weights, s => s.Used), inside.Count);
    }

    private static Dictionary<string, double> Weighted(List<UsageSample> samples, double[] weights, Func<UsageSample, ResourceVector> pick)
    {
        var total = weights.Sum();
        var names = samples.SelectMany(s => pick(s).Names).Distinct(StringComparer.Ordinal);
        return names.ToDictionary(n => n, n => samples.Select((s, i) => pick(s)[n] * weights[i]).Sum() / total, StringComparer.Ordinal);
    }
}
