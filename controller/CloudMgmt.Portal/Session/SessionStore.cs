using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Portal.Session;

/// <summary>
/// Console sessions, kept in this node's memory: the cookie carries only a session id (encrypted),
/// the session itself never leaves the process. That is what lets a session end for real: on
/// sign-out (a copied cookie no longer works), after <see cref="ConsoleOptions.IdleTimeout"/>
/// without use (page loads and actions in an open page both count, see <see cref="Touch"/>), and
/// <see cref="ConsoleOptions.MaxLifetime"/> after sign-in. A restart ends every session, as it
/// ends every open page's circuit anyway.
/// </summary>
public sealed class SessionStore(TimeProvider time, IOptions<ConsoleOptions> options) : ITicketStore
{
    /// <summary>The claim that names a session in its principal (so an open page knows which session it belongs to).</summary>
    public const string SessionClaim = "cloudmgmt/session";

    private readonly ConcurrentDictionary<string, Entry> _sessions = new(StringComparer.Ordinal);

    public int Count => _sessions.Count;

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = IdOf(ticket.Principal) ?? throw new InvalidOperationException("a console session's principal carries its session id");
        var now = time.GetUtcNow();
        MakeRoom(now);
        var endsAt = now + options.Value.MaxLifetime;
        if (ticket.Properties.ExpiresUtc is { } expires && expires < endsAt)
        {
            endsAt = expires; // the credential it was opened with ends sooner
        }

        _sessions[id] = new Entry(ticket, endsAt, now);
        return Task.FromResult(id);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        if (_sessions.TryGetValue(key, out var entry))
        {
            _sessions[key] = entry with { Ticket = ticket };
        }

        return Task.CompletedTask;
    }

    /// <summary>The session's ticket if it still stands; a page load counts as use.</summary>
    public Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        Task.FromResult(Touch(key) ? _sessions.GetValueOrDefault(key)?.Ticket : null);

    public Task RemoveAsync(string key)
    {
        _sessions.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    /// <summary>Notes use of a live session (an action in an open page); false when it has ended.</summary>
    public bool Touch(string key)
    {
        var now = time.GetUtcNow();
        if (!_sessions.TryGetValue(key, out var entry) || Ended(entry, now))
        {
            _sessions.TryRemove(key, out _);
            return false;
        }

        entry.Seen(now);
        return true;
    }

    /// <summary>The session's ticket when it still stands, without counting as use (an open page's periodic check).</summary>
    public AuthenticationTicket? Live(string? key)
    {
        if (key is null || !_sessions.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (Ended(entry, time.GetUtcNow()))
        {
            _sessions.TryRemove(key, out _);
            return null;
        }

        return entry.Ticket;
    }

    public static string? IdOf(ClaimsPrincipal? user) => user?.FindFirst(SessionClaim)?.Value;

    private bool Ended(Entry entry, DateTimeOffset now) => now >= entry.EndsAt || now - entry.LastSeen >= options.Value.IdleTimeout;

    /// <summary>Ended sessions go first; when the node is still full, the one idle longest.</summary>
    private void MakeRoom(DateTimeOffset now)
    {
        if (_sessions.Count < options.Value.MaxSessions)
        {
            return;
        }

        foreach (var (key, entry) in _sessions)
        {
            if (Ended(entry, now))
            {
                _sessions.TryRemove(key, out _);
            }
        }

        while (_sessions.Count >= options.Value.MaxSessions && _sessions.MinBy(s => s.Value.LastSeen) is { Key: { } idlest })
        {
            _sessions.TryRemove(idlest, out _);
        }
    }

    private sealed record Entry(AuthenticationTicket Ticket, DateTimeOffset EndsAt, DateTimeOffset Started)
    {
        private long _seen = Started.UtcTicks;

        public DateTimeOffset LastSeen => new(Interlocked.Read(ref _seen), TimeSpan.Zero);

        public void Seen(DateTimeOffset now) => Interlocked.Exchange(ref _seen, Math.Max(now.UtcTicks, Interlocked.Read(ref _seen)));
    }
}
