using System.Diagnostics;

namespace CloudMgmt.Testing;

/// <summary>
/// Waits for something the controller does after answering (a batch it flushes, a change another
/// node hears of): polls, bounded, and hands back the last value for the test to assert on.
/// </summary>
public static class Polling
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(20);
        var watch = Stopwatch.StartNew();
        var value = await read();
        while (!done(value) && watch.Elapsed < limit)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
            value = await read();
        }

        return value;
    }
}
