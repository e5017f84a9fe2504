using System.Net;
using System.Text.Json;
using CloudMgmt.Client.Http;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Client.Problems;

/// <summary>An RFC 7807 problem as the API returns it for every error.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Title">A short summary, the same for every problem of its type.</param>
/// <param name="Detail">What went wrong this time.</param>
/// <param name="Type">A URI naming the problem type.</param>
/// <param name="Field">The field at fault, when one is.</param>
/// <param name="Errors">Every invalid field with what is wrong with it (400).</param>
/// <param name="Shortfalls">Which pool is short of which resource, and by how much (409 quota exceeded).</param>
/// <param name="RetryAfter">How long the server asked to wait (429, 503).</param>
/// <param name="Verdicts">Each cloud that cannot hold the request, and why (409 unplaceable).</param>
/// <param name="Allocation">The allocation left Failed (holding nothing), when a 409 unplaceable names one.</param>
public sealed record Problem(
    int Status, string Title, string? Detail, string? Type, string? Field,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Errors, IReadOnlyList<Shortfall> Shortfalls, TimeSpan? RetryAfter,
    IReadOnlyList<CloudRefusal>? Verdicts = null, string? Allocation = null)
{
    /// <summary>Reads a response body: problem+json when the server sent one, else what the status says.</summary>
    internal static Problem Parse(HttpStatusCode status, string? reason, string? body, TimeSpan? retryAfter)
    {
        var fallback = new Problem((int)status, reason ?? status.ToString(), null, null, null,
            new Dictionary<string, IReadOnlyList<string>>(), [], retryAfter);
        if (string.IsNullOrWhiteSpace(body))
        {
            return fallback;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return fallback;
            }

            return fallback with
            {
                Title = Text(root, "title") ?? fallback.Title,
                Detail = Text(root, "detail"),
                Type = Text(root, "type"),
                Field = Text(root, "field"),
                Errors = root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                    ? errors.EnumerateObject().ToDictionary(e => e.Name, e => Strings(e.Value), StringComparer.Ordinal)
                    : fallback.Errors,
                Shortfalls = root.TryGetProperty("shortfalls", out var shortfalls) && shortfalls.ValueKind == JsonValueKind.Array
                    ? shortfalls.Deserialize<List<Shortfall>>(JsonDefaults.Tolerant) ?? []
                    : [],
                Verdicts = root.TryGetProperty("verdicts", out var verdicts) && verdicts.ValueKind == JsonValueKind.Array
                    ? verdicts.Deserialize<List<CloudRefusal>>(JsonDefaults.Tolerant) ?? []
                    : null,
                Allocation = Text(root, "allocation"),
            };
        }
        catch (JsonException)
        {
            return fallback; // a proxy's HTML page, not ours
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IReadOnlyList<string> Strings(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToList()
        : [value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()];
}
