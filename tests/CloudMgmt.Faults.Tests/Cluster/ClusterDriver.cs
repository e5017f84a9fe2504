using CloudMgmt.Faults.Tests.Model;
using Xunit.Sdk;

namespace CloudMgmt.Faults.Tests.Cluster;

/// <summary>
/// Runs one <see cref="ClusterRound"/> against the cluster through <see cref="ModelClient"/>: every
/// answer fixes the model; a request left without a definite answer by the lost silo (a reset
/// connection, a 5xx, a grain call that failed) widens it, and a create so cut is retried with its
/// Idempotency-Key, as a client would, until a node answers. After the lost silo is back, the pools
/// and the reconciler settle and every invariant of the suite is checked.
/// </summary>
public sealed class ClusterDriver(ClusterFaultHost host, Tree tree, int seed)
{
    private readonly ModelClient _model = new(host, tree, seed);
    private readonly List<string> _trace = [];
    private readonly List<Expectation> _cutCreates = [];
    private int _index;
    private int _cut;

    /// <summary>Requests that got no definite answer.</summary>
    public int Cut => _cut;

    /// <summary>Cut creates that a retry with the same key then answered.</summary>
    public int Retried { get; private set; }

    /// <summary>What happened, one line per operation: printed with a failing round.</summary>
    public string Trace
    {
        get
        {
            lock (_trace)
            {
                return string.Join("\n", _trace);
            }
        }
    }

    public async Task RunAsync(ClusterRound round)
    {
        foreach (var op in round.Before)
        {
            var node = round.NodeFor(_index++, host.Alive);
            await OneAsync(op, node, _model.Pick(op), mayBeCut: false);
        }

        await BurstAsync(round);
        foreach (var op in round.While)
        {
            var node = round.NodeFor(_index++, host.Alive);
            await OneAsync(op, node, _model.Pick(op), mayBeCut: true);
        }

        await RetryCutCreatesAsync(round, mayBeCut: true);
        Note($"silo {round.Victim} starts again");
        await host.RestartAsync(round.Victim);
        await RetryCutCreatesAsync(round, mayBeCut: false);
        await host.WaitForPoolsSettledAsync(tree);
        await Invariants.SettleAsync(host, tree, _model.Known);
        await host.WaitForPoolsSettledAsync(tree);
        await Invariants.CheckAsync(host, tree, _model.Known);
    }

    /// <summary>Operations at once on different allocations, one of them on the victim, which is killed while they run.</summary>
    private async Task BurstAsync(ClusterRound round)
    {
        var busy = new HashSet<string>(StringComparer.Ordinal);
        var running = new List<Task>();
        foreach (var op in round.Burst)
        {
            var node = running.Count == 0 ? round.Victim : round.NodeFor(_index, host.Alive);
            _index++;
            var target = _model.Pick(op, busy);
            if (target is not null)
            {
                busy.Add(target.Id);
            }

            running.Add(OneAsync(op, node, target, mayBeCut: true));
        }

        await Task.Delay(round.KillAfter); // the seeded moment, on real time: the requests run in real processes
        await host.KillAsync(round.Victim);
        Note($"silo {round.Victim} killed {round.KillAfter.TotalMilliseconds:F0} ms into the burst above");
        await Task.WhenAll(running);
    }

    /// <summary>
    /// One operation on one node. Its synchronous start (the model's pick and a create's record) runs
    /// before the first await, so a burst starts its operations one after another and then lets them run.
    /// </summary>
    private async Task OneAsync(Operation op, int node, Expectation? target, bool mayBeCut)
    {
        var subject = op.Kind is OpKind.Create or OpKind.CreateLarge ? _model.NextId(op) : target?.Id;
        string outcome;
        try
        {
            outcome = await _model.ExecuteAsync(op, target, host.Node(node));
        }
        catch (Exception ex) when (mayBeCut && ex is not XunitException)
        {
            outcome = $"no definite answer ({ex.GetType().Name}: {First(ex.Message)})";
            Interlocked.Increment(ref _cut);
            if (subject is not null)
            {
                _model.Cut(op, target, subject, boundary: null);
            }

            if (op.Kind is OpKind.Create or OpKind.CreateLarge)
            {
                lock (_cutCreates)
                {
                    _cutCreates.Add(_model.Known.Single(k => k.Id == subject));
                }
            }
        }

        Note($"{op} on node {node} -> {outcome}");
    }

    /// <summary>A client retries a create that got no definite answer, with the same key, until a node answers (or, while a silo is down, gives up for now).</summary>
    private async Task RetryCutCreatesAsync(ClusterRound round, bool mayBeCut)
    {
        foreach (var created in _cutCreates.ToList())
        {
            var node = round.NodeFor(_index++, host.Alive);
            try
            {
                Note($"retry of {created.Id} ({created.Key}) on node {node} -> {await _model.RetryCreateAsync(created, host.Node(node))}");
                _cutCreates.Remove(created);
                Retried++;
            }
            catch (Exception ex) when (mayBeCut && ex is not XunitException)
            {
                Note($"retry of {created.Id} on node {node} -> still no definite answer ({ex.GetType().Name})");
            }
        }
    }

    private void Note(string line)
    {
        lock (_trace)
        {
            _trace.Add(line);
        }
    }

    private static string First(string message) => message.Split('\n')[0] is var line && line.Length > 160 ? line[..160] : message.Split('\n')[0];
}
