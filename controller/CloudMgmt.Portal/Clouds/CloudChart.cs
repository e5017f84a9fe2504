using CloudMgmt.Application.Clouds;
using MudBlazor;

namespace CloudMgmt.Portal.Clouds;

/// <summary>
/// The overview's chart of clouds for one resource: capacity, granted and used side by side, the
/// largest capacity first, at most <see cref="MaxClouds"/> of them (the table under it lists them all).
/// </summary>
public static class CloudChart
{
    public const int MaxClouds = 16;

    public sealed record Data(IReadOnlyList<string> Labels, IReadOnlyList<double> Capacity, IReadOnlyList<double> Granted, IReadOnlyList<double> Used);

    public static Data For(IReadOnlyList<CloudResponse> clouds, string resource)
    {
        var shown = clouds.Where(c => c.Capacity.ContainsKey(resource))
            .OrderByDescending(c => c.Capacity[resource]).ThenBy(c => c.Id, StringComparer.Ordinal).Take(MaxClouds).ToList();
        return new Data(
            shown.Select(c => c.Id).ToList(),
            shown.Select(c => (double)c.Capacity[resource]).ToList(),
            shown.Select(c => (double)c.Granted.GetValueOrDefault(resource)).ToList(),
            shown.Select(c => (double)c.Used.GetValueOrDefault(resource)).ToList());
    }

    public static List<ChartSeries<double>> Series(Data data, string capacity, string granted, string used) =>
    [
        new() { Name = capacity, Data = new ChartData<double>(data.Capacity) },
        new() { Name = granted, Data = new ChartData<double>(data.Granted) },
        new() { Name = used, Data = new ChartData<double>(data.Used) },
    ];
}
