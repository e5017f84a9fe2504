using CloudMgmt.Host.Auth.RateLimits;

namespace CloudMgmt.Host.Auth;

/// <summary>
/// Failed authentications in the log, at Warning: the source address, the kind of credential, the
/// key id when the token belongs to a key (revoked, expired, rotated) and why; never the token.
/// Aggregated so that a flood cannot fill the disk: at most one line per address per minute, which
/// counts the failures of that address since its previous line, and at most 20 lines a minute in
/// all; failures beyond that are counted and reported in the next line written.
/// </summary>
internal sealed partial class FailedAuthLog(TimeProvider time, ILogger<FailedAuthLog> logger)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    public const int LinesPerWindow = 20;
    private const int MaxAddresses = 10_000;
    private const int MaxId = 40;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (DateTimeOffset LastLine, long Unreported)> _addresses = new(StringComparer.Ordinal);
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _lines;
    private long _unreportedElsewhere;

    public void Failed(HttpContext context, AuthRefusal refusal)
    {
        var address = SourceAddress.Of(context);
        long earlier, elsewhere;
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (now - _windowStart >= Window)
            {
                (_windowStart, _lines) = (now, 0);
                Prune(now);
            }

            var known = _addresses.TryGetValue(address, out var entry);
            if (known && now - entry.LastLine < Window)
            {
                _addresses[address] = entry with { Unreported = entry.Unreported + 1 };
                return;
            }

            if (_lines >= LinesPerWindow || (!known && _addresses.Count >= MaxAddresses))
            {
                _unreportedElsewhere++;
                return;
            }

            (earlier, elsewhere, _unreportedElsewhere) = (known ? entry.Unreported : 0, _unreportedElsewhere, 0);
            _addresses[address] = (now, 0);
            _lines++;
        }

        LogFailed(logger, address, refusal.Kind, Printable(refusal.Id) ?? "none", refusal.Reason, earlier, elsewhere);
    }

    /// <summary>
    /// Drops addresses quiet for a window, and those with unreported failures after two (their
    /// count then goes to the next line's "from other addresses").
    /// </summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var (address, entry) in _addresses.Where(a => now - a.Value.LastLine >= (a.Value.Unreported == 0 ? Window : 2 * Window)).ToList())
        {
            _unreportedElsewhere += entry.Unreported;
            _addresses.Remove(address);
        }
    }

    /// <summary>A key id or OIDC subject as logged: printable ASCII, at most 40 characters.</summary>
    private static string? Printable(string? id) =>
        id is null ? null : new string([.. id.Take(MaxId).Select(c => c is >= ' ' and <= '~' ? c : '?')]);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning,
        Message = "Authentication failed from {Address}: {Reason} (credential: {Kind}, key: {KeyId}); not logged since this address's previous line: {Earlier} failures, from other addresses: {Elsewhere}")]
    private static partial void LogFailed(ILogger logger, string address, string kind, string keyId, string reason, long earlier, long elsewhere);
}
