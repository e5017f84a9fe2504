namespace CloudMgmt.Grains.Persistence;

/// <summary>
/// Group commit inside one reentrant grain. After changing its state a caller either awaits
/// <see cref="WhenDurable"/> (a write that starts after the change), or calls <see cref="Schedule"/>
/// and later <see cref="Flush"/> (all changes made so far are on disk). While one write runs, every
/// change made meanwhile is covered by the single next write. So a hot pool (the province root sees
/// every request) writes once per batch, not once per request.
/// Not thread-safe by design: it relies on the grain's single-threaded scheduler.
/// </summary>
internal sealed class CoalescingWriter(Func<Task> write)
{
    private TaskCompletionSource? _pending;   // changes not yet being written
    private TaskCompletionSource? _inFlight;  // the batch being written now
    private bool _running;

    /// <summary>Completes after a write that started after this call.</summary>
    public Task WhenDurable()
    {
        Schedule();
        return Flush();
    }

    /// <summary>Makes sure the changes made so far will be written, without waiting for it.</summary>
    public void Schedule()
    {
        if (_pending is null)
        {
            _pending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // Someone may never wait for this batch; its failure is reported to those who do.
            _pending.Task.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        if (!_running)
        {
            _running = true;
            _ = PumpAsync();
        }
    }

    /// <summary>Completes when every change made before this call is on disk.</summary>
    public Task Flush() => _pending?.Task ?? _inFlight?.Task ?? Task.CompletedTask;

    private async Task PumpAsync()
    {
        while (_pending is { } batch)
        {
            _pending = null;
            _inFlight = batch;
            try
            {
                await write();
                batch.SetResult();
            }
            catch (Exception ex)
            {
                batch.SetException(ex);
            }
        }

        _inFlight = null;
        _running = false;
    }
}
