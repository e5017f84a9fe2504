using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace CloudMgmt.Adapters.Ec2.Api;

/// <summary>
/// Turns what the SDK throws into the contract's error kinds. The EC2 error code decides first
/// (InsufficientInstanceCapacity comes with HTTP 500 but is not worth retrying here: placement
/// should try another cloud), then the HTTP status. Messages pass through the scrubber, since an
/// EC2-compatible cloud may echo the access key in an authentication error.
/// </summary>
internal static class Ec2Errors
{
    private static readonly HashSet<string> Throttling = new(StringComparer.Ordinal)
    {
        "RequestLimitExceeded", "Throttling", "ThrottlingException", "RequestThrottled", "RequestThrottledException", "SlowDown",
    };

    private static readonly HashSet<string> NoCapacity = new(StringComparer.Ordinal)
    {
        "InsufficientInstanceCapacity", "InsufficientCapacity", "InstanceLimitExceeded", "VcpuLimitExceeded",
        "ReservationCapacityExceeded", "InsufficientReservedInstanceCapacity",
    };

    private static readonly HashSet<string> Unauthenticated = new(StringComparer.Ordinal)
    {
        "AuthFailure", "InvalidClientTokenId", "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken",
        "ExpiredToken", "RequestExpired",
    };

    private static readonly HashSet<string> Forbidden = new(StringComparer.Ordinal)
    {
        "UnauthorizedOperation", "OptInRequired", "Blocked", "PendingVerification",
    };

    /// <summary>The error for an exception from one SDK call, or null for an exception that is a bug.</summary>
    public static AdapterError? Map(string action, Exception exception, Func<string, string> scrub)
    {
        if (AnswerLimit.Find(exception) is { } tooLarge)
        {
            return AnswerLimit.Error($"EC2 {action}", tooLarge); // before the connection cases: the SDK wraps it as an I/O failure
        }

        switch (exception)
        {
            case AmazonServiceException { ErrorCode: { Length: > 0 } code } service:
                return FromCode(action, code, (int)service.StatusCode, scrub(service.Message ?? ""));
            case AmazonServiceException service when service.InnerException is { } inner && IsConnection(inner):
                return AdapterError.Of(AdapterErrorKind.Unavailable, $"EC2 {action}: the endpoint cannot be reached ({inner.GetType().Name})");
            case AmazonServiceException service when (int)service.StatusCode >= 500:
                return AdapterError.Of(AdapterErrorKind.Unavailable, $"EC2 {action}: HTTP {(int)service.StatusCode}", httpStatus: (int)service.StatusCode);
            case AmazonServiceException service:
                return AdapterError.Of(AdapterErrorKind.Unknown, $"EC2 {action}: HTTP {(int)service.StatusCode}: {Bounded(scrub(service.Message ?? ""))}",
                    httpStatus: (int)service.StatusCode);
            case TaskCanceledException or TimeoutException:
                return AdapterError.Of(AdapterErrorKind.Timeout, $"EC2 {action}: no answer in time");
            case var e when IsConnection(e):
                return AdapterError.Of(AdapterErrorKind.Unavailable, $"EC2 {action}: the endpoint cannot be reached ({e.GetType().Name})");
            case AmazonClientException client:
                // The SDK's own message can quote the response (an unreadable body, say): only its type is told.
                return AdapterError.Of(AdapterErrorKind.Unknown, $"EC2 {action}: the SDK failed ({client.GetType().Name})");
            default:
                return null;
        }
    }

    /// <summary>The error of an EC2 error code; the message (for logs) keeps the code and a bounded line of what the cloud said.</summary>
    private static AdapterError FromCode(string action, string code, int status, string message)
    {
        var text = $"EC2 {action}: {Bounded(code)}: {Bounded(message)}";
        int? http = status > 0 ? status : null;
        return code switch
        {
            _ when Throttling.Contains(code) => AdapterError.Of(AdapterErrorKind.Throttled, text, httpStatus: http),
            _ when NoCapacity.Contains(code) => new AdapterError(AdapterErrorKind.InsufficientCapacity, text, Retryable: false, HttpStatus: http),
            _ when Unauthenticated.Contains(code) => AdapterError.Of(AdapterErrorKind.Unauthorized, text, httpStatus: http),
            _ when Forbidden.Contains(code) => AdapterError.Of(AdapterErrorKind.Forbidden, text, httpStatus: http),
            _ when code.EndsWith(".NotFound", StringComparison.Ordinal) => AdapterError.Of(AdapterErrorKind.NotFound, text, httpStatus: http),
            "IdempotentParameterMismatch" => AdapterError.Of(AdapterErrorKind.Conflict, text, httpStatus: http),
            _ when status >= 500 => AdapterError.Of(AdapterErrorKind.Unavailable, text, httpStatus: http),
            _ when status == (int)HttpStatusCode.BadRequest => AdapterError.Of(AdapterErrorKind.Invalid, text, httpStatus: http),
            _ => AdapterError.Of(AdapterErrorKind.Unknown, text, httpStatus: http),
        };
    }

    private static string Bounded(string text) => HealthReason.Clean(text, 300);

    private static bool IsConnection(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or SocketException or IOException)
            {
                return true;
            }
        }

        return false;
    }
}
