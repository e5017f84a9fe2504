namespace CloudMgmt.Client.Models;

/// <summary>Granted, used and efficiency of one tenant, pool or cloud over a window.</summary>
/// <param name="Key">The tenant, pool or cloud.</param>
/// <param name="Granted">Average granted per resource.</param>
/// <param name="Used">Average used per resource.</param>
/// <param name="Efficiency">Used / granted per resource.</param>
/// <param name="Reclaimed">What was reclaimed for idling.</param>
/// <param name="Grants">How many grants count.</param>
public sealed record EfficiencyRow(
    string Key, IReadOnlyDictionary<string, long> Granted, IReadOnlyDictionary<string, long> Used,
    IReadOnlyDictionary<string, double> Efficiency, IReadOnlyDictionary<string, long> Reclaimed, int Grants);

/// <summary>The efficiency report.</summary>
/// <param name="From">Window start.</param>
/// <param name="To">Window end.</param>
/// <param name="By">tenant, pool or cloud.</param>
/// <param name="Rows">One row per key.</param>
public sealed record EfficiencyReport(DateTimeOffset From, DateTimeOffset To, string By, IReadOnlyList<EfficiencyRow> Rows);

/// <summary>Which efficiency report.</summary>
public sealed record EfficiencyQuery
{
    /// <summary>tenant (default), pool or cloud.</summary>
    public string? By { get; init; }

    /// <summary>Window start (default an hour before <see cref="To"/>).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Window end (default now).</summary>
    public DateTimeOffset? To { get; init; }
}
