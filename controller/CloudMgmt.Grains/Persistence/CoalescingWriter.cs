namespace CloudMgmt.Grains.Persistence;

/// <summary>
/// Group commit inside one reentrant grain. A caller that changed the grain's state awaits
/// <see cref="WhenDurable"/>; it completes after a write that started after the change. While one
/// write runs, every change made meanwhile is covered by the single next write. So a hot pool
/// (the province root sees every request) writes once per batch, not once per request, and still
/// answers nobody before its change is on disk.
/// Not thread-safe by design: it relies on the grain's single-threaded scheduler.
/// </summary>
internal sealed class CoalescingWriter(Func<Task> write)
{
    private TaskCompletionSource? _pending;
    private bool _running;

    public Task WhenDurable()
    {
        var batch = _pending ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_running)
        {
            _running = true;
            _ = PumpAsync();
        }

        return batch.Task;
    }

    private async Task PumpAsync()
    {
        while (_pending is { } batch)
        {
            _pending = null;
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

        _running = false;
    }
}
