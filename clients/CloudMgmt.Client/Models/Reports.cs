namespace CloudMgmt.Client.Models;

/// <summary>Granted, used and efficiency of one tenant, pool, cloud or resource over a window (or one step of it).</summary>
/// <param name="From">Start of the row's window.</param>
/// <param name="To">End of the row's window.</param>
/// <param name="Key">The tenant, pool, cloud or resource.</param>
/// <param name="Granted">Average granted per resource.</param>
/// <param name="Used">Average used per resource.</param>
/// <param name="Efficiency">Used / granted per resource.</param>
/// <param name="Reclaimed">What was reclaimed for idling.</param>
/// <param name="Grants">How many grants count.</param>
/// <param name="GrantedUnitHours">Granted amounts times hours held (e.g. vcpu-hours), per resource.</param>
/// <param name="UsedUnitHours">Used amounts times hours, per resource.</param>
/// <param name="GrantHours">Hours the grants were held, summed.</param>
public sealed record EfficiencyRow(
    DateTimeOffset From, DateTimeOffset To, string Key, IReadOnlyDictionary<string, long> Granted, IReadOnlyDictionary<string, long> Used,
    IReadOnlyDictionary<string, double> Efficiency, IReadOnlyDictionary<string, long> Reclaimed, int Grants,
    IReadOnlyDictionary<string, decimal> GrantedUnitHours, IReadOnlyDictionary<string, decimal> UsedUnitHours, decimal GrantHours);

/// <summary>The efficiency report.</summary>
/// <param name="From">Window start.</param>
/// <param name="To">Window end.</param>
/// <param name="By">tenant, pool, cloud or resource.</param>
/// <param name="Step">whole, hour, day or month.</param>
/// <param name="Rows">One row per key (and step).</param>
public sealed record EfficiencyReport(DateTimeOffset From, DateTimeOffset To, string By, string Step, IReadOnlyList<EfficiencyRow> Rows);

/// <summary>Which efficiency report.</summary>
public sealed record EfficiencyQuery
{
    /// <summary>tenant (default), pool, cloud or resource.</summary>
    public string? By { get; init; }

    /// <summary>whole (default: one row per key), hour, day or month.</summary>
    public string? Step { get; init; }

    /// <summary>Window start (default 24 hours before <see cref="To"/>); within the controller's retention.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Window end (default the start of the current hour).</summary>
    public DateTimeOffset? To { get; init; }
}
