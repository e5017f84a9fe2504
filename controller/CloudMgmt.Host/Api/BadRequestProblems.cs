using CloudMgmt.Application;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace CloudMgmt.Host.Api;

/// <summary>
/// A request the framework refuses before any endpoint runs (a body that is not JSON, of the wrong
/// shape, too large or of another media type; a query value that does not parse) becomes a problem
/// that names the field, the way our own validation does. What the client sent is repeated only
/// through <see cref="TextRules.Echo"/>, and no .NET type name is shown.
/// </summary>
internal static partial class BadRequestProblems
{
    public static void Describe(ProblemDetailsContext context)
    {
        if (context.Exception is not BadHttpRequestException bad)
        {
            context.ProblemDetails.Detail ??= StatusDetail(context.HttpContext, context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
            return;
        }

        var problem = context.ProblemDetails;
        problem.Title = bad.StatusCode == StatusCodes.Status400BadRequest ? "Invalid request" : ReasonPhrases.GetReasonPhrase(bad.StatusCode);
        problem.Type = "https://cloudmgmt.dev/problems/" + (bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "too-large",
            StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
            _ => "invalid",
        });
        var (field, detail) = Explain(bad, context.HttpContext);
        problem.Detail = detail + "; nothing was changed";
        if (field is not null)
        {
            problem.Extensions["field"] = field;
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [detail] };
        }
    }

    private static (string? Field, string Detail) Explain(BadHttpRequestException bad, HttpContext http)
    {
        if (bad.InnerException is JsonException json)
        {
            return Json(json);
        }

        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, BodyTooLarge(http));
        }

        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return (null, $"the body must be JSON (Content-Type: application/json), not '{TextRules.Echo(http.Request.ContentType)}'");
        }

        if (BindFailure().Match(bad.Message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            return (name, $"'{name}' must be {Expected(bind.Groups["type"].Value)}, not '{TextRules.Echo(bind.Groups["value"].Value)}'");
        }

        if (Missing().Match(bad.Message) is { Success: true } missing)
        {
            return missing.Groups["source"].Value.Contains("body", StringComparison.OrdinalIgnoreCase)
                ? (null, "a JSON body is required (Content-Type: application/json)")
                : (missing.Groups["name"].Value, $"'{missing.Groups["name"].Value}' is required");
        }

        return bad.Message.Contains("no body was provided", StringComparison.Ordinal)
            ? (null, "a JSON body is required (Content-Type: application/json)")
            : (null, "the request could not be read: " + TextRules.Echo(bad.Message));
    }

    /// <summary>What a status page says when the framework set the status without an exception to explain it.</summary>
    private static string? StatusDetail(HttpContext http, int status) => status switch
    {
        StatusCodes.Status404NotFound when http.GetEndpoint() is null => "there is no such path; the API is described at /openapi/v1.json",
        StatusCodes.Status405MethodNotAllowed => $"this path does not take {TextRules.Echo(http.Request.Method)}; it takes {http.Response.Headers.Allow}",
        StatusCodes.Status413PayloadTooLarge => BodyTooLarge(http) + "; nothing was changed",
        _ => null,
    };

    private static string BodyTooLarge(HttpContext http) =>
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit
            ? $"the body is larger than {limit} bytes"
            : "the body is too large";

    private static (string? Field, string Detail) Json(JsonException json)
    {
        var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? TextRules.Echo(path[2..]) : null;
        if (UnknownProperty().Match(json.Message) is { Success: true } unknown)
        {
            var name = TextRules.Echo(unknown.Groups["name"].Value);
            var at = field is not null && field.EndsWith(name, StringComparison.Ordinal) ? field : name;
            return (at, $"'{at}' is not a field of this request (check the spelling against the API document)");
        }

        if (json.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return (field, $"'{field}' appears more than once; each field may be given once");
        }

        if (json.Message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return (field, "the body nests deeper than this API's documents do");
        }

        if (json.InnerException?.GetType().Name == "JsonReaderException" || field is null)
        {
            return (null, $"the body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1})");
        }

        return (field, $"'{field}' has the wrong type or value: amounts are whole numbers written as JSON numbers (not strings), names are strings");
    }

    private static string Expected(string type) => type.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>') switch
    {
        "int" or "long" or "Int32" or "Int64" => "a whole number in range",
        "bool" or "Boolean" => "true or false",
        "DateTimeOffset" or "DateTime" => "an ISO 8601 time such as 2026-12-01T00:00:00Z",
        _ => "a valid value",
    };

    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\" ]+) (?<name>[^\"]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex("^Required parameter \"(?<type>[^\" ]+) (?<name>[^\"]+)\" was not provided from (?<source>.*)\\.$", RegexOptions.Singleline)]
    private static partial Regex Missing();

    [GeneratedRegex("The JSON property '(?<name>.*)' could not be mapped", RegexOptions.Singleline)]
    private static partial Regex UnknownProperty();
}
