using System.Globalization;

namespace CloudMgmt.Bench.Load;

/// <summary>
/// The CPU time another process has used (user + system, from <c>/proc/PID/stat</c>). CPU per request
/// is what a round's rate cannot show on a shared machine: a neighbour's build halves the rate but
/// leaves the controller's own CPU per request about where it was.
/// </summary>
internal sealed class ProcessCpu(int pid)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public TimeSpan Used
    {
        get
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ", field 3 (state) is index 0
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture); // utime, stime
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
    }

    /// <summary>Runs one round and notes the controller's CPU per request in it.</summary>
    public async Task<(Round Round, string? Note)> MeasureAsync(Func<Task<Round>> round)
    {
        var before = Used;
        var result = await round();
        var perRequest = result.Requests == 0 ? 0 : (Used - before).TotalMicroseconds / result.Requests;
        return (result with { ControllerCpuMicros = perRequest }, $"controller CPU {perRequest:F0} µs per request");
    }
}
