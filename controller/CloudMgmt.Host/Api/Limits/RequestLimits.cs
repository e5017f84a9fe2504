using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Host.Api.Limits;

/// <summary>
/// Refuses requests over <see cref="RequestLimitsOptions"/> with a problem: a target too long (414),
/// headers too many or too large (431), and a body-taking endpoint called without a length (411).
/// Kestrel enforces the body limit itself (413, raised when the endpoint reads the body).
/// </summary>
internal sealed class RequestLimits(RequestDelegate next, IOptions<RequestLimitsOptions> options, IProblemDetailsService problems)
{
    /// <summary>How far Kestrel's own limits sit above ours: far enough that what it refuses bare is no honest mistake.</summary>
    private const int KestrelBackstop = 4;

    public Task InvokeAsync(HttpContext context)
    {
        var limits = options.Value;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        if (target.Length > limits.MaxUrlLength)
        {
            return RefuseAsync(context, StatusCodes.Status414UriTooLong, $"the request target is longer than {limits.MaxUrlLength} characters");
        }

        var headers = context.Request.Headers;
        if (headers.Count > limits.MaxHeaderCount)
        {
            return RefuseAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, $"the request has more than {limits.MaxHeaderCount} headers");
        }

        long size = 0;
        foreach (var (name, values) in headers)
        {
            size += name.Length;
            foreach (var value in values)
            {
                size += value?.Length ?? 0;
            }
        }

        if (size > limits.MaxHeadersBytes)
        {
            return RefuseAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, $"the request headers are larger than {limits.MaxHeadersBytes} bytes");
        }

        return NeedsLength(context)
            ? RefuseAsync(context, StatusCodes.Status411LengthRequired, "this endpoint takes a JSON body: send it with Content-Length (or chunked)")
            : next(context);
    }

    /// <summary>Sets Kestrel's limits: the body limit as configured, the others a backstop above ours.</summary>
    public static void ConfigureKestrel(KestrelServerOptions kestrel, RequestLimitsOptions limits)
    {
        kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
        kestrel.Limits.MaxRequestLineSize = limits.MaxUrlLength * KestrelBackstop;
        kestrel.Limits.MaxRequestHeadersTotalSize = limits.MaxHeadersBytes * KestrelBackstop;
        kestrel.Limits.MaxRequestHeaderCount = limits.MaxHeaderCount * KestrelBackstop;
        kestrel.Limits.MaxRequestBufferSize = Math.Max(kestrel.Limits.MaxRequestBufferSize ?? 0,
            Math.Max(kestrel.Limits.MaxRequestHeadersTotalSize, kestrel.Limits.MaxRequestLineSize));
    }

    /// <summary>
    /// A request to an endpoint whose body is required, with no framing at all (no Content-Length,
    /// not chunked): HTTP/1.1 reads that as an empty body. An explicit Content-Length: 0 is a 400 from
    /// the endpoint instead, since its length is known.
    /// </summary>
    private static bool NeedsLength(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { IsOptional: false }
        && context.Request.ContentLength is null
        && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true;

    private async Task RefuseAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Detail = detail + "; nothing was changed" },
        });
    }
}
