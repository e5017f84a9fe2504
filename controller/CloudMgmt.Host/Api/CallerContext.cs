using System.Diagnostics;
using CloudMgmt.Application.Access;
using CloudMgmt.Application;
using CloudMgmt.Host.Auth;

namespace CloudMgmt.Host.Api;

/// <summary>The application layer's <see cref="Caller"/> of an HTTP request: its principal, source address and request id.</summary>
internal static class CallerContext
{
    public static Caller Caller(this HttpContext http) =>
        new(http.User.Caller() ?? throw new InvalidOperationException("an endpoint that requires authentication ran without a principal"),
            http.Connection.RemoteIpAddress?.ToString(), RequestId(http));

    /// <summary>The W3C trace id when the request is traced (it is what the logs carry), the connection's request id otherwise.</summary>
    public static string RequestId(HttpContext http) => Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;
}
