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
/// <item><c>pageSize</c>: MaxResults of the Describe calls (5 to 1000, default 100). <c>timeoutSeconds</c>: per HTTP call (default 30).</item>
/// <item><c>catalogueSeconds</c>: how long the instance-type catalogue is reused (default 300).</item>
/// </list>
/// </summary>
internal sealed record Ec2Settings(
    string Policy, IReadOnlyDictionary<string, decimal>? Prices, string Architecture, long? MaxVcpu, IReadOnlyList<string>? Zones,
    string Platform, int PageSize, TimeSpan Timeout, TimeSpan CatalogueLifetime)
{
    public const string CheapestFit = "cheapest-fit";

    /// <summary>The settings, or every problem with them, each naming its setting.</summary>
    public static AdapterResult<Ec2Settings> Parse(IReadOnlyDictionary<string, string> settings)
    {
        var errors = new List<string>();
        var policy = settings.GetValueOrDefault("instancePolicy", CheapestFit).Trim();
        if (policy != CheapestFit && !(policy.StartsWith("family:", StringComparison.Ordinal) && policy.Length > 7))
        {
            errors.Add($"instancePolicy: '{policy}' is neither '{CheapestFit}' nor 'family:<family>'");
        }

        var architecture = settings.GetValueOrDefault("architecture", "x86_64").Trim() switch
        {
            "x86_64" => "x86_64",
            "aarch64" or "arm64" => "aarch64",
            var other => Error(errors, $"architecture: '{other}' is not x86_64 or aarch64", "x86_64"),
        };
        var prices = settings.TryGetValue("prices", out var priceText) ? ParsePrices(priceText, errors) : null;
        var maxVcpu = Number(settings, "maxVcpu", errors, 1, long.MaxValue);
        var pageSize = Number(settings, "pageSize", errors, 5, 1000) ?? 100;
        var timeout = Number(settings, "timeoutSeconds", errors, 1, 3600) ?? 30;
        var catalogue = Number(settings, "catalogueSeconds", errors, 0, 86400) ?? 300;
        var zones = settings.TryGetValue("zones", out var zoneText)
            ? zoneText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;
        var platform = settings.GetValueOrDefault("platform", "Linux/UNIX");
        return errors.Count > 0
            ? AdapterError.Of(AdapterErrorKind.Invalid, "EC2 settings: " + string.Join("; ", errors))
            : new Ec2Settings(policy, prices, architecture, maxVcpu, zones, platform, (int)pageSize,
                TimeSpan.FromSeconds(timeout), TimeSpan.FromSeconds(catalogue));
    }

    private static Dictionary<string, decimal> ParsePrices(string text, List<string> errors)
    {
        var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var entry in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split('=', 2);
            if (parts.Length != 2 || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var price) || price <= 0)
            {
                errors.Add($"prices: '{entry}' is not <instance-type>=<positive price>");
                continue;
            }

            prices[parts[0]] = price;
        }

        return prices;
    }

    private static long? Number(IReadOnlyDictionary<string, string> settings, string key, List<string> errors, long min, long max)
    {
        if (!settings.TryGetValue(key, out var text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add($"{key}: '{text}' is not a whole number from {min} to {max}");
        return null;
    }

    private static string Error(List<string> errors, string message, string fallback)
    {
        errors.Add(message);
        return fallback;
    }
}
