using System.Globalization;
using System.Net;
using System.Text.Json;
using k8s.Autorest;

namespace CloudMgmt.Adapters.Kubernetes.Connection;

/// <summary>
/// Maps what a call to the API server can throw to the contract's error kinds: 401/403 are not
/// worth retrying, 404 NotFound, 409 Conflict, 400/422 Invalid, 429 Throttled and 5xx retryable
/// (honouring <c>Retry-After</c>), no connection Unavailable, no answer in time Timeout. Messages
/// carry the operation, the status and the server's Status message, never request headers or
/// the kubeconfig.
/// </summary>
internal static class KubernetesErrors
{
    public static AdapterError? From(Exception exception, string operation, TimeProvider time, CancellationToken cancellationToken) => exception switch
    {
        _ when AnswerLimit.Find(exception) is { } tooLarge => AnswerLimit.Error(operation, tooLarge),
        HttpOperationException http => FromStatus(http.Response, operation, time),
        HttpRequestException request => AdapterError.Of(AdapterErrorKind.Unavailable,
            $"{operation}: the API server cannot be reached ({request.HttpRequestError})"),
        OperationCanceledException when !cancellationToken.IsCancellationRequested =>
            AdapterError.Of(AdapterErrorKind.Timeout, $"{operation}: the API server did not answer in time"),
        JsonException => AdapterError.Of(AdapterErrorKind.Unknown, $"{operation}: the API server's answer is not the JSON expected"),
        k8s.Exceptions.KubernetesClientException => AdapterError.Of(AdapterErrorKind.Unauthorized,
            $"{operation}: the client could not authenticate ({exception.GetType().Name})"),
        _ => null,
    };

    private static AdapterError FromStatus(HttpResponseMessageWrapper response, string operation, TimeProvider time)
    {
        var code = (int)response.StatusCode;
        // For logs: the operation, the status and the server's Status message, bounded to one line.
        var message = HealthReason.Clean($"{operation}: {code} {StatusReason(response.Content) ?? response.ReasonPhrase}{Detail(response.Content)}", 300);
        var retryAfter = RetryAfter(response, time);
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => AdapterError.Of(AdapterErrorKind.Unauthorized, message, httpStatus: code),
            HttpStatusCode.Forbidden => AdapterError.Of(AdapterErrorKind.Forbidden, message, httpStatus: code),
            HttpStatusCode.NotFound => AdapterError.Of(AdapterErrorKind.NotFound, message, httpStatus: code),
            HttpStatusCode.Conflict => AdapterError.Of(AdapterErrorKind.Conflict, message, httpStatus: code),
            HttpStatusCode.Gone => new AdapterError(AdapterErrorKind.Conflict, message, Retryable: true, HttpStatus: code), // an expired continue token: list again
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.UnsupportedMediaType =>
                AdapterError.Of(AdapterErrorKind.Invalid, message, httpStatus: code),
            HttpStatusCode.TooManyRequests => AdapterError.Of(AdapterErrorKind.Throttled, message, retryAfter, code),
            HttpStatusCode.GatewayTimeout => AdapterError.Of(AdapterErrorKind.Timeout, message, retryAfter, code),
            HttpStatusCode.InternalServerError => new AdapterError(AdapterErrorKind.Unknown, message, Retryable: true, retryAfter, code),
            _ when code >= 500 => AdapterError.Of(AdapterErrorKind.Unavailable, message, retryAfter, code),
            _ => AdapterError.Of(AdapterErrorKind.Unknown, message, httpStatus: code),
        };
    }

    /// <summary>Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3).</summary>
    internal static TimeSpan? RetryAfter(HttpMessageWrapper response, TimeProvider time)
    {
        var value = response.Headers?.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeSpan.FromTicks(Math.Max(0, (at - time.GetUtcNow()).Ticks))
            : null;
    }

    private static string? StatusReason(string? content) => Field(content, "reason");

    private static string Detail(string? content) => Field(content, "message") is { } m ? $": {m}" : "";

    private static string? Field(string? content, string name)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(content);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null; // not a Status object (a proxy's HTML page, say)
        }
    }
}
