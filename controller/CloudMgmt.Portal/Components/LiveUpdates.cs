using CloudMgmt.Portal.Session;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Portal.Components;

/// <summary>
/// Where people watch (an allocation's status, the approvals queue), the page reads again every
/// <see cref="ConsoleOptions.RefreshEvery"/> through the application layer and re-renders what
/// changed, without a reload. One timer per watching page, stopped with it.
/// </summary>
public sealed partial class LiveUpdates(TimeProvider time, IOptions<ConsoleOptions> options, ILogger<LiveUpdates> logger)
{
    /// <summary>Calls <paramref name="refresh"/> on every tick until the returned handle is disposed.</summary>
    public IDisposable Every(Func<Task> refresh)
    {
        var stop = new Stopper();
        _ = RunAsync(refresh, stop.Token);
        return stop;
    }

    private sealed class Stopper : IDisposable
    {
        private readonly CancellationTokenSource _source = new();

        public CancellationToken Token => _source.Token;

        public void Dispose()
        {
            _source.Cancel();
            _source.Dispose();
        }
    }

    private async Task RunAsync(Func<Task> refresh, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await refresh();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRefreshFailed(logger, ex); // the next tick tries again; the page keeps what it showed
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the page closed
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "A console page could not refresh what it watches")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
