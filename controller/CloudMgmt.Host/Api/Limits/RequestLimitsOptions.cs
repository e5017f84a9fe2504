using System.ComponentModel.DataAnnotations;

namespace CloudMgmt.Host.Api.Limits;

/// <summary>
/// How large a request may be (section <c>Limits</c>). Requests over a limit are refused with a
/// problem (413, 414, 431). Kestrel's own limits are set above these, as a backstop for requests
/// far over them, which Kestrel refuses with a bare status before any middleware runs.
/// </summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "Limits";

    /// <summary>The largest request body, in bytes (default 1 MiB).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The longest request target (path and query), in characters (default 8 KiB).</summary>
    [Range(256, 64 * 1024)]
    public int MaxUrlLength { get; set; } = 8 * 1024;

    /// <summary>The largest total size of the request headers, names and values, in bytes (default 32 KiB).</summary>
    [Range(1024, 256 * 1024)]
    public int MaxHeadersBytes { get; set; } = 32 * 1024;

    /// <summary>The most request headers (default 100).</summary>
    [Range(8, 1000)]
    public int MaxHeaderCount { get; set; } = 100;
}
