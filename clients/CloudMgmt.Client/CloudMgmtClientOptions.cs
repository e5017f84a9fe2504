namespace CloudMgmt.Client;

/// <summary>Where the API is, how to authenticate, and how patiently to retry.</summary>
public sealed class CloudMgmtClientOptions
{
    /// <summary>The controller's address, e.g. https://cloudmgmt.gov.example.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The API key. Set this or <see cref="TokenProvider"/>.</summary>
    public string? Token { get; set; }

    /// <summary>Reads the API key per request (from a vault, a rotated file); wins over <see cref="Token"/>.</summary>
    public Func<CancellationToken, ValueTask<string>>? TokenProvider { get; set; }

    /// <summary>
    /// Allow plain http to a host other than loopback. Off by default: the token would cross the network in
    /// the clear.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>How often to retry a 429 or 503 (and a safe request that got no answer). Default 3; 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff when the server gives no Retry-After; it doubles, with jitter. Default 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest Retry-After the client waits for by itself; above it the 429/503 is thrown. Default 30 s.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take. Default 100 s (a reconcile of a large cloud takes a while).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Fail on a response field this client does not know, or a null where it expects a value, instead of
    /// ignoring it. For contract tests (a department's CI can use it to hear of API changes first).
    /// </summary>
    public bool StrictResponses { get; set; }

    /// <summary>The clock the retries wait on.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Checks the options, with every problem in one message.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (BaseAddress is not { IsAbsoluteUri: true } address || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("BaseAddress must be an absolute http(s) URI");
        }
        else if (address.Scheme == Uri.UriSchemeHttp && !address.IsLoopback && !AllowInsecureHttp)
        {
            errors.Add($"BaseAddress {address} is plain http to another host: the token would travel in the clear; use https (or set AllowInsecureHttp)");
        }

        if (string.IsNullOrEmpty(Token) && TokenProvider is null)
        {
            errors.Add("Token or TokenProvider is required");
        }

        if (MaxRetries is < 0 or > 10)
        {
            errors.Add("MaxRetries must be between 0 and 10");
        }

        if (RetryDelay <= TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero || AttemptTimeout <= TimeSpan.Zero)
        {
            errors.Add("RetryDelay and AttemptTimeout must be positive, MaxRetryAfter not negative");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("CloudMgmt client options: " + string.Join("; ", errors));
        }
    }

    internal Func<CancellationToken, ValueTask<string>> Tokens()
    {
        var token = Token;
        return TokenProvider ?? (_ => ValueTask.FromResult(token!));
    }
}
