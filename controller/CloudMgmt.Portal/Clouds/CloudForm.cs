using CloudMgmt.Application.Clouds;

namespace CloudMgmt.Portal.Clouds;

/// <summary>
/// The register form of the Clouds page, as an unscoped operator fills it in: labels and settings as
/// one "key=value" per line. The application layer checks everything (the same 400 as the API's);
/// the form only reports lines it cannot read as a pair.
/// </summary>
public sealed class CloudForm
{
    public string? Id { get; set; }

    public string? Kind { get; set; }

    public string? Region { get; set; }

    public string? Endpoint { get; set; }

    public string? CredentialsRef { get; set; }

    public string? Labels { get; set; }

    public string? Settings { get; set; }

    public bool AllowInsecureEndpoint { get; set; }

    /// <summary>The request, or the name of the field with a line that is not key=value.</summary>
    public (RegisterCloudRequest? Request, string? BadField) ToRequest()
    {
        var labels = Pairs(Labels);
        var settings = Pairs(Settings);
        if (labels is null || settings is null)
        {
            return (null, labels is null ? "labels" : "settings");
        }

        return (new RegisterCloudRequest(Blank(Id), Blank(Kind), Blank(Region), labels, Blank(Endpoint), Blank(CredentialsRef), settings,
            AllowInsecureEndpoint ? true : null), null);
    }

    /// <summary>"a=b" lines (blank lines skipped) as a map; null when a line has no '=' or an empty key.</summary>
    public static Dictionary<string, string>? Pairs(string? text)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var at = line.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                return null;
            }

            pairs[line[..at].Trim()] = line[(at + 1)..].Trim();
        }

        return pairs;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
