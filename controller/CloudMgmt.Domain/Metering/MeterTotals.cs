using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Metering;

/// <summary>
/// What a grant (or a group of grants) held and used of one resource over a stretch of time:
/// integrals in unit-milliseconds (a vCPU held for an hour is 3,600,000), exact in integers so
/// that sums over months and groups never drift, and the largest amount seen.
/// </summary>
public readonly record struct ResourceTotals(long GrantedMs, long UsedMs, long PeakGranted, long PeakUsed)
{
    public ResourceTotals Plus(ResourceTotals other) =>
        new(GrantedMs + other.GrantedMs, UsedMs + other.UsedMs, Math.Max(PeakGranted, other.PeakGranted), Math.Max(PeakUsed, other.PeakUsed));

    /// <summary>Used over granted; null when nothing was granted.</summary>
    public double? Efficiency => GrantedMs <= 0 ? null : (double)UsedMs / GrantedMs;
}

/// <summary>
/// Totals per resource and how long something was held (<see cref="HeldMs"/>; for a group, grant-milliseconds).
/// Small and mutable: a grant's open hour is one of these, updated by every observation. Names are
/// kept sorted in a short array (a grant has a handful of resources), not in a dictionary.
/// </summary>
public sealed class MeterTotals
{
    private string[] _names = [];
    private ResourceTotals[] _values = [];

    public long HeldMs { get; set; }

    public int Count => _names.Length;

    public bool IsEmpty => HeldMs == 0 && _names.Length == 0;

    public IEnumerable<KeyValuePair<string, ResourceTotals>> Entries
    {
        get
        {
            for (var i = 0; i < _names.Length; i++)
            {
                yield return new(_names[i], _values[i]);
            }
        }
    }

    public ResourceTotals this[string name]
    {
        get
        {
            var i = Array.BinarySearch(_names, name, StringComparer.Ordinal);
            return i >= 0 ? _values[i] : default;
        }
    }

    /// <summary>Adds <paramref name="ms"/> milliseconds of one observation: what was granted and used then.</summary>
    public void AddStep(ResourceVector granted, ResourceVector used, long ms)
    {
        HeldMs += ms;
        foreach (var (name, amount) in granted.Entries)
        {
            Add(name, new ResourceTotals(amount * ms, used[name] * ms, amount, used[name]));
        }

        foreach (var (name, amount) in used.Entries.Where(e => granted[e.Key] == 0))
        {
            Add(name, new ResourceTotals(0, amount * ms, 0, amount)); // used without a grant of it: kept, never divided by
        }
    }

    /// <summary>Adds another stretch: integrals and held time add up, peaks take the larger.</summary>
    public void Add(MeterTotals other)
    {
        HeldMs += other.HeldMs;
        for (var i = 0; i < other._names.Length; i++)
        {
            Add(other._names[i], other._values[i]);
        }
    }

    public void Add(string name, ResourceTotals totals)
    {
        var i = Array.BinarySearch(_names, name, StringComparer.Ordinal);
        if (i >= 0)
        {
            _values[i] = _values[i].Plus(totals);
            return;
        }

        i = ~i;
        _names = [.. _names[..i], name, .. _names[i..]];
        _values = [.. _values[..i], totals, .. _values[i..]];
    }

    /// <summary>The highest used/granted over the resources granted; null when none was.</summary>
    public double? MaxEfficiency => _values.Select(v => v.Efficiency).Max();

    public MeterTotals Clone()
    {
        var copy = new MeterTotals { HeldMs = HeldMs };
        copy._names = (string[])_names.Clone();
        copy._values = (ResourceTotals[])_values.Clone();
        return copy;
    }

    public override string ToString() =>
        $"held {HeldMs} ms; " + string.Join(", ", Entries.Select(e => $"{e.Key} granted {e.Value.GrantedMs} used {e.Value.UsedMs} peak {e.Value.PeakGranted}/{e.Value.PeakUsed}"));
}
