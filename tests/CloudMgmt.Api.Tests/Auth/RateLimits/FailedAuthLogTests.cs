using CloudMgmt.Host.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CloudMgmt.Api.Tests.Auth.RateLimits;

/// <summary>Failed authentications reach the log, but a flood leaves a bounded number of lines that still count every failure.</summary>
public sealed class FailedAuthLogTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly Lines _lines = new();

    private FailedAuthLog Log() => new(_time, _lines);

    [Fact]
    public void Failed_AThousandFromOneAddress_OneLineAMinute_TheNextCountsThem()
    {
        var log = Log();
        for (var i = 0; i < 1000; i++)
        {
            log.Failed(From("203.0.113.7"), new AuthRefusal("key", null, "unknown API key"));
        }

        _time.Advance(FailedAuthLog.Window);
        log.Failed(From("203.0.113.7"), new AuthRefusal("key", "key-0123456789ab", "the API key is revoked"));

        Assert.Equal(2, _lines.Count);
        Assert.All(_lines, l => Assert.Equal(LogLevel.Warning, l.Level));
        Assert.Contains("from 203.0.113.7: unknown API key (credential: key, key: none)", _lines[0].Text, StringComparison.Ordinal);
        Assert.Contains("key: key-0123456789ab", _lines[1].Text, StringComparison.Ordinal);
        Assert.Contains("previous line: 999 failures", _lines[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_FromManyAddresses_AtMostTheLinesOfAWindow_TheRestCountedInTheNext()
    {
        var log = Log();
        for (var i = 0; i < 500; i++)
        {
            log.Failed(From($"198.51.100.{i % 250}", i), new AuthRefusal("key", null, "unknown API key"));
        }

        Assert.Equal(FailedAuthLog.LinesPerWindow, _lines.Count);
        _time.Advance(FailedAuthLog.Window);
        log.Failed(From("192.0.2.1"), new AuthRefusal("oidc", null, "the token has expired"));

        Assert.Equal(FailedAuthLog.LinesPerWindow + 1, _lines.Count);
        Assert.Contains("from other addresses: 460", _lines[^1].Text, StringComparison.Ordinal); // 230 addresses without a line, twice
        _time.Advance(2 * FailedAuthLog.Window);
        log.Failed(From("192.0.2.2"), new AuthRefusal("key", null, "unknown API key"));
        Assert.Contains("from other addresses: 20", _lines[^1].Text, StringComparison.Ordinal); // the 20 with a line, one more each, never back

    }

    [Fact]
    public void Failed_AnIdWithControlCharacters_LoggedPrintableAndCut()
    {
        Log().Failed(From("192.0.2.1"), new AuthRefusal("oidc", "evil\r\nFAKE LINE" + new string('x', 100), "the user has no role here"));

        Assert.Contains("key: evil??FAKE LINE" + new string('x', 40 - 15) + ")", _lines.Single().Text, StringComparison.Ordinal);
    }

    private static DefaultHttpContext From(string address, int port = 40000) =>
        new() { Connection = { RemoteIpAddress = System.Net.IPAddress.Parse(address), RemotePort = port } };

    private sealed class Lines : List<(LogLevel Level, string Text)>, ILogger<FailedAuthLog>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Add((logLevel, formatter(state, exception)));
    }
}
