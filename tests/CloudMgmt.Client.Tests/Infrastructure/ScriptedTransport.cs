using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace CloudMgmt.Client.Tests.Infrastructure;

/// <summary>
/// Answers with a script of responses (or failures), one per request, and records every request. Only for
/// what the real controller cannot be made to do on cue today: a 429 with a Retry-After, a dropped connection.
/// </summary>
internal sealed class ScriptedTransport(params Func<HttpResponseMessage>[] script) : HttpMessageHandler
{
    private readonly Channel<HttpRequestMessage> _seen = Channel.CreateUnbounded<HttpRequestMessage>();
    private int _next;

    public List<HttpRequestMessage> Requests { get; } = [];

    public async Task<HttpRequestMessage> NextRequestAsync() =>
        await _seen.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public static Func<HttpResponseMessage> Status(HttpStatusCode status, string body = "", TimeSpan? retryAfter = null) => () =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
        }

        return response;
    };

    public static Func<HttpResponseMessage> Drop() => () => throw new HttpRequestException("connection reset by peer");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        _seen.Writer.TryWrite(request);
        var response = script[Math.Min(_next++, script.Length - 1)]();
        response.RequestMessage = request; // as the real handler does
        return Task.FromResult(response);
    }
}

/// <summary>A fake clock that also reports each timer someone starts on it, so a test can see exactly how long the client chose to wait.</summary>
internal sealed class ObservedClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _timers.Writer.TryWrite(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>The next timer started with a real due time that is not <paramref name="ignore"/> (the per-attempt timeout).</summary>
    public async Task<TimeSpan> NextWaitAsync(TimeSpan ignore)
    {
        while (true)
        {
            var due = await _timers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            if (due != ignore && due > TimeSpan.Zero)
            {
                return due;
            }
        }
    }
}
