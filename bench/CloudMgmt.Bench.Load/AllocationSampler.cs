using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace CloudMgmt.Bench.Load;

/// <summary>
/// The runtime's own allocation sampling (GC AllocationTick: one event about every 100 KB a thread
/// allocates, naming the type that crossed the line), summed by type: where the bytes of an
/// admission go, without a profiler. A sample stands for ~100 KB, so the table is statistical.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(int Generation, double PauseMs)> _pauses = new();
    private long _suspendedAt;
    private int _generation = -1;
    private volatile bool _on;

    public void Start() => _on = true;

    public void Stop() => _on = false;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName is null || e.Payload is null)
        {
            return;
        }

        // A pause runs from the runtime suspending every thread to resuming them; GCStart inside it names the generation.
        switch (e.EventName)
        {
            case "GCSuspendEEBegin_V1":
                _suspendedAt = e.TimeStamp.Ticks;
                _generation = -1;
                return;
            case "GCStart_V2":
                _generation = Convert.ToInt32(e.Payload[e.PayloadNames!.IndexOf("Depth")]);
                return;
            case "GCRestartEEEnd_V1" when _suspendedAt != 0 && _generation >= 0:
                _pauses.Enqueue((_generation, TimeSpan.FromTicks(e.TimeStamp.Ticks - _suspendedAt).TotalMilliseconds));
                _suspendedAt = 0;
                return;
        }

        if (!e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal))
        {
            return;
        }

        var name = e.PayloadNames!.IndexOf("TypeName") is var i and >= 0 ? e.Payload[i] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var j and >= 0 ? Convert.ToInt64(e.Payload[j]) : 100_000;
        _bytesByType.AddOrUpdate(name, amount, (_, total) => total + amount);
    }

    public void Print(long requests, int top)
    {
        foreach (var g in _pauses.GroupBy(p => p.Generation).OrderBy(g => g.Key))
        {
            var ms = g.Select(p => p.PauseMs).Order().ToArray();
            Console.WriteLine($"gen{g.Key} pauses: {ms.Length}, median {ms[ms.Length / 2]:F1} ms, max {ms[^1]:F1} ms, total {ms.Sum():F0} ms");
        }

        var total = _bytesByType.Values.Sum();
        Console.WriteLine($"allocation samples: {total / 1024 / 1024} MiB sampled, {total / Math.Max(1, requests)} bytes per request; top types:");
        foreach (var (type, bytes) in _bytesByType.OrderByDescending(kv => kv.Value).Take(top))
        {
            Console.WriteLine($"  {bytes * 100.0 / total,5:F1}%  {bytes / Math.Max(1, requests),7} B/request  {type}");
        }
    }
}
