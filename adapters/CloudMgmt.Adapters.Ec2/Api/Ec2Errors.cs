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
        switch (exception)
        {
            case AmazonServiceException { ErrorCode: { Length: > 0 } code } service:
                return FromCode(action, code, (int)service.StatusCode, scrub(service.Message ?? ""));
            case AmazonServiceException service when service.InnerException is { } inner && IsConnection(inner):
                return AdapterError.Of(AdapterErrorKind.Unavailable, $"EC2 {action}: the endpoint cannot be reached ({inner.GetType().Name})");
            case AmazonServiceException service when (int)service.StatusCode >= 500:
                return AdapterError.Of(AdapterErrorKind.Unavailable, $"EC2 {action}: HTTP {(int)service.StatusCode}");
            case AmazonServiceException service:
                return AdapterError.Of(AdapterErrorKind.Unknown, $"EC2 {action}: HTTP {(int)service.StatusCode}: {scrub(service.Message ?? "")}");
            case TaskCanceledException or TimeoutException:
                return AdapterError.Of(AdapterErrorKind.Timeout, $"EC2 {action}: no answer in time");
            case var e when IsConnection(e):
                return AdapterError.Of(AdapterErrorKind.Unavailable, $"EC2 {action}: the endpoint cannot be reached ({e.GetType().Name})");
            case AmazonClientException client:
                return AdapterError.Of(AdapterErrorKind.Unknown, $"EC2 {action}: {scrub(client.Message)}");
            default:
                return null;
        }
    }

    private static AdapterError FromCode(string action, string code, int status, string message)
    {
        var text = $"EC2 {action}: {code}: {message}";
        return code switch
        {
            _ when Throttling.Contains(code) => AdapterError.Of(AdapterErrorKind.Throttled, text),
            _ when NoCapacity.Contains(code) => new AdapterError(AdapterErrorKind.InsufficientCapacity, text, Retryable: false),
            _ when Unauthenticated.Contains(code) => AdapterError.Of(AdapterErrorKind.Unauthorized, text),
            _ when Forbidden.Contains(code) => AdapterError.Of(AdapterErrorKind.Forbidden, text),
            _ when code.EndsWith(".NotFound", StringComparison.Ordinal) => AdapterError.Of(AdapterErrorKind.NotFound, text),
            "IdempotentParameterMismatch" => AdapterError.Of(AdapterErrorKind.Conflict, text),
            _ when status >= 500 => AdapterError.Of(AdapterErrorKind.Unavailable, text),
            _ when status == (int)HttpStatusCode.BadRequest => AdapterError.Of(AdapterErrorKind.Invalid, text),
            _ => AdapterError.Of(AdapterErrorKind.Unknown, text),
        };
    }

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
