namespace CloudMgmt.Domain.Metering;

public readonly record struct DayKey(DateOnly Day, string CloudId, string Tenant, string Pool, string Resource);

public readonly record struct DayIncrement(long GrantedMs, long UsedMs, long HeldMs)
{
    public DayIncrement Plus(DayIncrement o) => new(GrantedMs + o.GrantedMs, UsedMs + o.UsedMs, HeldMs + o.HeldMs);
}

public readonly record struct MonthKey(MeteringMonth Month, long Series, string Resource);

public readonly record struct MonthIncrement(long GrantedMs, long UsedMs, int HeldHours, int IdleHours, long MaxEfficiencyPpm)
{
    public MonthIncrement Plus(MonthIncrement o) =>
        new(GrantedMs + o.GrantedMs, UsedMs + o.UsedMs, HeldHours + o.HeldHours, IdleHours + o.IdleHours, Math.Max(MaxEfficiencyPpm, o.MaxEfficiencyPpm));
}

/// <summary>What newly stored grant-hours add to the daily figures (per tenant, pool, cloud and resource) and to each grant's month, summed per row.</summary>
public static class UsageIncrements
{
    public static (Dictionary<DayKey, DayIncrement> Days, Dictionary<MonthKey, MonthIncrement> Months) Of(IEnumerable<ClosedGrantHour> added)
    {
        var days = new Dictionary<DayKey, DayIncrement>();
        var months = new Dictionary<MonthKey, MonthIncrement>();
        foreach (var h in added)
        {
            foreach (var (resource, t) in h.Totals.Entries)
            {
                var day = new DayKey(h.Day, h.Grant.CloudId, h.Grant.Tenant, h.Grant.Pool, resource);
                var dayIncrement = new DayIncrement(t.GrantedMs, t.UsedMs, h.Totals.HeldMs);
                days[day] = days.TryGetValue(day, out var d) ? d.Plus(dayIncrement) : dayIncrement;
                var month = new MonthKey(h.Month, h.Grant.Series, resource);
                var monthIncrement = new MonthIncrement(t.GrantedMs, t.UsedMs, 1, h.Idle ? 1 : 0, h.MaxEfficiencyPpm);
                months[month] = months.TryGetValue(month, out var m) ? m.Plus(monthIncrement) : monthIncrement;
            }
        }

        return (days, months);
    }
}
