using System.Globalization;

namespace CloudMgmt.Adapters.Ec2;

/// <summary>
/// A registered EC2 cloud's settings, read from <see cref="CloudConnection.Settings"/>:
/// <list type="bullet">
/// <item><c>instancePolicy</c>: <c>cheapest-fit</c> (default) or <c>family:&lt;family&gt;</c> (e.g. <c>family:m5</c>).</item>
/// <item><c>prices</c>: a price per instance type, <c>m5.large=0.096,c5.large=0.085</c>; when given, only priced types are used.
/// Without it the vCPU count is the cost.</item>
/// <item><c>architecture</c>: <c>x86_64</c> (default) or <c>aarch64</c> (<c>arm64</c> is accepted): the architecture of every grant.</item>
/// <item><c>maxVcpu</c>: the account's On-Demand vCPU limit in the region. Without it the limit is read from
/// <c>DescribeAccountAttributes</c> (<c>max-instances</c> times the vCPUs of the largest offered type, an upper bound).</item>
/// <item><c>zones</c>: the availability zones to use (comma-separated); all offered zones when absent.</item>
/// <item><c>platform</c>: the reservations' instance platform, <c>Linux/UNIX</c> by default.</item>
/// <item><c>pageSize</c>: MaxResults of the Describe calls (5 to 1000, default 100). <c>timeoutSeconds</c>: per HTTP call (1 to 3600, default 30).</item>
/// <item><c>catalogueSeconds</c>: how long the instance-type catalogue is reused (0 to 86400, default 300).</item>
/// </list>
/// </summary>
internal sealed record Ec2Settings(
    string Policy, IReadOnlyDictionary<string, decimal>? Prices, string Architecture, long? MaxVcpu, IReadOnlyList<string>? Zones,
    string Platform, int PageSize, TimeSpan Timeout, TimeSpan CatalogueLifetime)
{
    public const string CheapestFit = "cheapest-fit";

    /// <summary>The settings; every problem goes to the reader, each naming its setting.</summary>
    public static Ec2Settings Read(SettingsReader settings)
    {
        var policy = settings.Text("instancePolicy", CheapestFit);
        if (policy != CheapestFit && !(policy.StartsWith("family:", StringComparison.Ordinal) && policy.Length > 7))
        {
            settings.Problem("instancePolicy", $"must be '{CheapestFit}' or 'family:<family>'");
        }

        var architecture = settings.Choice("architecture", "x86_64", "x86_64", "aarch64", "arm64") == "x86_64" ? "x86_64" : "aarch64";
        var prices = settings.Text("prices", maxLength: 8192) is { } priceText ? ParsePrices(priceText, settings) : null;
        var maxVcpu = settings.Whole("maxVcpu", 1, 10_000_000);
        var pageSize = settings.Whole("pageSize", 5, 1000) ?? 100;
        var timeout = settings.Whole("timeoutSeconds", 1, 3600) ?? 30;
        var catalogue = settings.Whole("catalogueSeconds", 0, 86400) ?? 300;
        var zones = settings.Text("zones", maxLength: 1024)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var platform = settings.Text("platform", "Linux/UNIX");
        return new Ec2Settings(policy, prices, architecture, maxVcpu, zones, platform, (int)pageSize,
            TimeSpan.FromSeconds(timeout), TimeSpan.FromSeconds(catalogue));
    }

    private static Dictionary<string, decimal> ParsePrices(string text, SettingsReader settings)
    {
        var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var entry in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split('=', 2);
            if (parts.Length != 2 || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var price) || price <= 0)
            {
                settings.Problem("prices", $"'{HealthReason.Clean(entry, 64)}' is not <instance-type>=<positive price>");
                continue;
            }

            prices[parts[0]] = price;
        }

        return prices;
    }
}
