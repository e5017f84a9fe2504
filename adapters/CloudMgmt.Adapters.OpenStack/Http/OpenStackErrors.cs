using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CloudMgmt.Adapters.OpenStack.Http;

/// <summary>Turns an OpenStack HTTP failure into the contract's error kinds.</summary>
internal static class OpenStackErrors
{
    /// <summary>The error for a non-success response. 401 is handled by the caller (re-authenticate once) before it gets here.</summary>
    public static AdapterError FromResponse(string service, HttpResponseMessage response, string body, TimeProvider time)
    {
        var status = (int)response.StatusCode;
        var message = $"{service} answered {status} {HealthReason.Clean(response.ReasonPhrase ?? "", 64)}: {Message(body)}";
        var retryAfter = RetryAfter(response.Headers.RetryAfter, time);
        return status switch
        {
            400 => AdapterError.Of(AdapterErrorKind.Invalid, message, httpStatus: status),
            401 => AdapterError.Of(AdapterErrorKind.Unauthorized, message, httpStatus: status),
            403 => AdapterError.Of(AdapterErrorKind.Forbidden, message, httpStatus: status),
            404 => AdapterError.Of(AdapterErrorKind.NotFound, message, httpStatus: status),
            409 => AdapterError.Of(AdapterErrorKind.Conflict, message, httpStatus: status),
            413 or 429 => AdapterError.Of(AdapterErrorKind.Throttled, message, retryAfter, status),
            >= 500 => new AdapterError(AdapterErrorKind.Unavailable, message, Retryable: true, retryAfter, status),
            _ => AdapterError.Of(AdapterErrorKind.Unknown, message, httpStatus: status),
        };
    }

    /// <summary>The error for a call that got no response at all.</summary>
    public static AdapterError FromException(string service, Exception exception) => exception switch
    {
        _ when AnswerLimit.Find(exception) is { } tooLarge => AnswerLimit.Error(service, tooLarge),
        TaskCanceledException or TimeoutException => AdapterError.Of(AdapterErrorKind.Timeout, $"{service} did not answer in time"),
        HttpRequestException http => AdapterError.Of(AdapterErrorKind.Unavailable,
            $"{service} is unreachable ({http.HttpRequestError}{(http.InnerException is { } inner ? ": " + inner.Message : "")})"),
        _ => AdapterError.Of(AdapterErrorKind.Unavailable, $"{service} call failed: {exception.GetType().Name}"),
    };

    /// <summary>The human message inside the services' error bodies (Keystone "error", Nova "badRequest"/"itemNotFound"/..., Placement "errors").</summary>
    internal static string Message(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return "(no body)";
        try
        {
            var node = JsonNode.Parse(body);
            if (node?["errors"] is JsonArray errors && errors.Count > 0)
                return Trim(errors[0]?["detail"]?.ToString() ?? errors[0]?["title"]?.ToString() ?? body);
            if (node is JsonObject obj && obj.Count == 1 && obj.First().Value is JsonObject inner && inner["message"] is { } m)
                return Trim(m.ToString());
        }
        catch (JsonException)
        {
        }
        // Not a service's JSON error (a proxy's or a stranger's page): its words are not quoted, not even in logs.
        return $"(an answer of {body.Length} characters that is not an OpenStack error)";
    }

    private static string Trim(string text) => HealthReason.Clean(text, 300);

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider time) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    public static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;
}
