using Microsoft.AspNetCore.HttpLogging;

namespace CloudMgmt.Host.Hosting;

/// <summary>
/// How requests are logged, without their query strings: a token sent as <c>?token=</c> or
/// <c>?access_token=</c> must never reach a log line. ASP.NET Core's own request lines ("Request
/// starting GET http://.../path?query", category Microsoft.AspNetCore.Hosting.Diagnostics) carry the
/// query string, so that category is switched off here, in code, where configuration cannot raise
/// it. The access log is the HTTP logging middleware instead, with method, path, status and duration
/// and no query field: one line per request at Information under
/// <c>Microsoft.AspNetCore.HttpLogging</c> (off by default, as every Microsoft category is at Warning).
/// </summary>
internal static class RequestLog
{
    public const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static void AddCloudMgmtRequestLog(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter(HostingDiagnostics, LogLevel.None);
        builder.Services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.RequestProtocol
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration; // never RequestQuery, never headers
            o.CombineLogs = true;
        });
    }

    public static void UseCloudMgmtRequestLog(this WebApplication app) => app.UseHttpLogging();
}
