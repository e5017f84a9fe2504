using CloudMgmt.Faults.Tests.Infrastructure;
using CloudMgmt.Grains.Allocations;

namespace CloudMgmt.Faults.Tests.Model;

/// <summary>
/// Runs one seed's operations against the controller in this process (<see cref="ModelClient"/>),
/// crashes where the run says, restarts every grain from disk, and checks every invariant after each
/// recovery.
/// </summary>
public sealed class Driver(FaultHost host, Tree tree, int seed)
{
    private readonly ModelClient _model = new(host, tree, seed);
    private readonly List<string> _trace = [];

    public int Crashes { get; private set; }

    /// <summary>What happened, one line per operation: printed with a failing seed.</summary>
    public string Trace => string.Join("\n", _trace);

    public IReadOnlyList<Expectation> Known => _model.Known;

    public async Task RunAsync(IReadOnlyList<Operation> operations)
    {
        foreach (var op in operations)
        {
            var target = _model.Pick(op);
            var subject = op.Kind is OpKind.Create or OpKind.CreateLarge ? _model.NextId(op) : target?.Id;
            if (op.CrashAt is { } at && (subject is not null || op.Kind == OpKind.Reconcile))
            {
                host.Crashes.Arm(at, op.Kind == OpKind.Reconcile ? null : subject);
            }

            string outcome;
            try
            {
                outcome = await _model.ExecuteAsync(op, target, host.Op);
            }
            catch (Exception ex) when (host.Crashes.Fired is not null)
            {
                outcome = "cut: " + ex.GetType().Name;
            }

            var fired = host.Crashes.Take();
            _trace.Add($"{op} -> {(fired is { } f ? $"CRASH at {f} ({f.Subject}); " : "")}{outcome}");
            if (fired is not null)
            {
                Crashes++;
                _model.Cut(op, target, fired.Value.Subject, fired.Value.ToString());
                await RecoverAsync(fired.Value.Subject, op.CrashInRecovery);
            }
        }

        await RecoverAsync(null, false);
    }

    /// <summary>Restart, let the pools and the reconciler settle, then check (optionally crashing once more inside the recovery).</summary>
    private async Task RecoverAsync(string? crashed, bool crashInRecovery)
    {
        if (crashed is not null && crashInRecovery)
        {
            await host.RestartAsync(tree, crashed);
            // Whatever the crashed one left to finish, its recovery's commit (one activation runs it).
            host.Crashes.Arm(RecoveryCommits, crashed);
            try
            {
                await host.Grains.GetGrain<IAllocationGrain>(crashed).Get();
            }
            catch (Exception) when (host.Crashes.Fired is not null)
            {
                _trace.Add($"  CRASH again at {host.Crashes.Fired} during recovery");
                Crashes++;
            }

            host.Crashes.Take();
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await host.RestartAsync(tree, crashed);
        var restarted = watch.ElapsedMilliseconds;
        await Invariants.SettleAsync(host, tree, Known);
        var settled = watch.ElapsedMilliseconds;
        await Invariants.CheckAsync(host, tree, Known);
        Timings.Add((restarted, settled - restarted, watch.ElapsedMilliseconds - settled));
    }

    private static readonly string[] RecoveryCommits = ["recover-resize/Commit", "recover-release/Commit", "recover-reject/Commit", "recover-fail/Commit"];

    public static readonly System.Collections.Concurrent.ConcurrentBag<(long Restart, long Settle, long Check)> Timings = [];
}
