using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CloudMgmt.Portal.Components;

/// <summary>
/// The province's civil time, in which the console shows every time: the offset metering counts days
/// and months in (<c>Metering:UtcOffset</c>, validated by metering at start; China Standard Time by default).
/// </summary>
public sealed class ProvinceTime(IConfiguration configuration, TimeProvider time)
{
    public TimeSpan Offset { get; } =
        TimeSpan.TryParse(configuration["Metering:UtcOffset"], CultureInfo.InvariantCulture, out var offset) ? offset : TimeSpan.FromHours(8);

    public DateTimeOffset Now => time.GetUtcNow().ToOffset(Offset);

    public string Show(DateTimeOffset? at) => Units.Time(at, Offset);

    /// <summary>"UTC+08:00", to say which time the console shows.</summary>
    public string Zone => "UTC" + (Offset < TimeSpan.Zero ? "-" : "+") + Offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
