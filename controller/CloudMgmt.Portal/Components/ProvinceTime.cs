using System.Globalization;
using CloudMgmt.Grains.Usage;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Portal.Components;

/// <summary>
/// The province's civil time, in which the console shows every time: the offset metering counts days
/// and months in (<c>Metering:UtcOffset</c>, MeteringOptions; China Standard Time by default).
/// </summary>
public sealed class ProvinceTime(IOptions<MeteringOptions> metering, TimeProvider time)
{
    public TimeSpan Offset { get; } = metering.Value.UtcOffset;

    public DateTimeOffset Now => time.GetUtcNow().ToOffset(Offset);

    public string Show(DateTimeOffset? at) => Units.Time(at, Offset);

    /// <summary>"UTC+08:00", to say which time the console shows.</summary>
    public string Zone => "UTC" + (Offset < TimeSpan.Zero ? "-" : "+") + Offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
