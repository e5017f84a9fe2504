using System.Text.Json;

namespace CloudMgmt.Host.Api;

/// <summary>
/// A body that is not JSON, or JSON of the wrong shape, is refused before any endpoint runs. This
/// turns that refusal into a problem that says which field is wrong, the way our own validation does.
/// </summary>
internal static class BadRequestProblems
{
    public static void Describe(ProblemDetailsContext context)
    {
        if (context.Exception is not BadHttpRequestException bad)
        {
            return;
        }

        context.ProblemDetails.Title = "Invalid request";
        context.ProblemDetails.Type = "https://cloudmgmt.dev/problems/invalid";
        if (bad.InnerException is JsonException json)
        {
            var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
            context.ProblemDetails.Detail = field is null
                ? "the body is not valid JSON; nothing was changed"
                : $"'{field}' has the wrong type or value (amounts are whole non-negative numbers, names are strings); nothing was changed";
            if (field is not null)
            {
                context.ProblemDetails.Extensions["field"] = field;
            }
        }
        else
        {
            context.ProblemDetails.Detail = bad.Message.Contains("no body was provided", StringComparison.Ordinal)
                ? "a JSON body is required (Content-Type: application/json); nothing was changed"
                : bad.Message + "; nothing was changed";
        }
    }
}
