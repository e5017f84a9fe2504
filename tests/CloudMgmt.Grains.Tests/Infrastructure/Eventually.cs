using System.Diagnostics;

namespace CloudMgmt.Grains.Tests.Infrastructure;

/// <summary>
/// Waits for work a grain does after the call that started it has answered (a sweep timer, a
/// one-way message, a deactivation): polls, bounded, and hands back the last value for the
/// test to assert on.
/// </summary>
public static class Eventually
{
    public static async Task<T> WaitUntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var watch = Stopwatch.StartNew();
        var value = await read();
        while (!done(value) && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
            value = await read();
        }

        return value;
    }
}
