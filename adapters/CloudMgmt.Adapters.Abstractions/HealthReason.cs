using System.Text;

namespace CloudMgmt.Adapters;

/// <summary>
/// The short reasons shown for a cloud's state or a failed call: one line, printable, at most
/// <see cref="MaxLength"/> characters. When the cloud answered, a reason is made only from the
/// error's kind and HTTP status ("authentication failed (HTTP 401)"), never from what the cloud
/// sent: a remote body can be a page of HTML, a reflection of our request, or an attacker's text.
/// </summary>
public static class HealthReason
{
    public const int MaxLength = 300;

    /// <summary>
    /// For operators: the kind and status when the cloud answered; otherwise the controller's own
    /// finding (a refused reference, a setting out of range, no connection), cleaned and bounded. It
    /// may name the cloud's reference or endpoint, which only operators see.
    /// </summary>
    public static string Of(AdapterError error) => error.HttpStatus is not null ? Summary(error) : Clean(error.Message);

    /// <summary>For everyone: the kind and status only, naming no endpoint, reference or file.</summary>
    public static string Summary(AdapterError error) => error.HttpStatus is { } status
        ? $"{Phrase(error.Kind, status)} (HTTP {status})"
        : error.Kind == AdapterErrorKind.Invalid ? "the cloud's registration is not usable" : Phrase(error.Kind, null);

    /// <summary>One line of printable text, at most <paramref name="max"/> characters.</summary>
    public static string Clean(string text, int max = MaxLength)
    {
        var line = new StringBuilder(Math.Min(text.Length, max + 1));
        foreach (var c in text)
        {
            if (line.Length > max)
            {
                break;
            }

            line.Append(char.IsControl(c) || char.IsSurrogate(c) ? ' ' : c);
        }

        var flat = line.ToString().Trim();
        return flat.Length <= max ? flat : flat[..(max - 1)].TrimEnd() + "…";
    }

    private static string Phrase(AdapterErrorKind kind, int? status) => kind switch
    {
        AdapterErrorKind.Unauthorized => "authentication failed",
        AdapterErrorKind.Forbidden => "access denied",
        AdapterErrorKind.NotFound => "not found",
        AdapterErrorKind.Conflict => "conflict",
        AdapterErrorKind.Throttled => "throttled by the cloud",
        AdapterErrorKind.Unavailable => "cloud unavailable",
        AdapterErrorKind.Timeout => "cloud did not answer in time",
        AdapterErrorKind.InsufficientCapacity => "insufficient capacity",
        AdapterErrorKind.Invalid => "request refused by the cloud",
        _ => status switch
        {
            401 => "authentication failed",
            403 => "access denied",
            >= 500 => "cloud unavailable",
            _ => "cloud call failed",
        },
    };
}
