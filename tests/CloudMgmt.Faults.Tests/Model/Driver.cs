using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CloudMgmt.Domain.Elastic;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Faults.Tests.Infrastructure;
using CloudMgmt.Grains.Allocations;
using CloudMgmt.Application.Allocations;

namespace CloudMgmt.Faults.Tests.Model;

/// <summary>
/// Runs one seed's operations against the controller as a client would (HTTP for what users do,
/// the allocation grain for what the elastic pass does), crashes where the run says, restarts, and
/// checks every invariant after each recovery. Keeps the model of what each allocation may be.
/// </summary>
public sealed class Driver(FaultHost host, Tree tree, int seed)
{
    private readonly List<Expectation> _known = [];
    private readonly List<string> _trace = [];
    private int _keys;

    public int Crashes { get; private set; }

    /// <summary>What happened, one line per operation: printed with a failing seed.</summary>
    public string Trace => string.Join("\n", _trace);

    public IReadOnlyList<Expectation> Known => _known;

    public async Task RunAsync(IReadOnlyList<Operation> operations)
    {
        foreach (var op in operations)
        {
            var target = Pick(op);
            var subject = op.Kind is OpKind.Create or OpKind.CreateLarge ? NextId(op) : target?.Id;
            if (op.CrashAt is { } at && (subject is not null || op.Kind == OpKind.Reconcile))
            {
                host.Crashes.Arm(at, op.Kind == OpKind.Reconcile ? null : subject);
            }

            string outcome;
            try
            {
                outcome = await ExecuteAsync(op, target);
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
                CutModel(op, target, fired.Value.Subject);
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
            foreach (var kind in new[] { "resize", "release", "reject", "fail" })
            {
                host.Crashes.Arm($"recover-{kind}/Commit", crashed);
                try
                {
                    await host.Grains.GetGrain<IAllocationGrain>(crashed).Get();
                }
                catch (Exception) when (host.Crashes.Fired is not null)
                {
                    _trace.Add($"  CRASH again at {host.Crashes.Take()} during recovery");
                    Crashes++;
                    break;
                }
            }

            host.Crashes.Take();
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await host.RestartAsync(tree, crashed);
        var restarted = watch.ElapsedMilliseconds;
        await Invariants.SettleAsync(host, tree, _known);
        var settled = watch.ElapsedMilliseconds;
        await Invariants.CheckAsync(host, tree, _known);
        Timings.Add((restarted, settled - restarted, watch.ElapsedMilliseconds - settled));
    }

    public static readonly System.Collections.Concurrent.ConcurrentBag<(long Restart, long Settle, long Check)> Timings = [];

    private async Task<string> ExecuteAsync(Operation op, Expectation? target)
    {
        switch (op.Kind)
        {
            case OpKind.Create or OpKind.CreateLarge:
                return await CreateAsync(op);
            case OpKind.Reconcile:
                await host.ReconcileAsync(tree);
                return "reconciled";
            case OpKind.Grow or OpKind.Shrink:
                return target is null ? "no allocation" : await ResizeAsync(target, Resized(op, Current(target)));
            case OpKind.Release:
                return target is null ? "no allocation" : await SimpleAsync(target, host.Op.DeleteAsync($"/api/v1/allocations/{target.Id}"));
            case OpKind.Approve:
                return target is null ? "no allocation" : await SimpleAsync(target, host.Op.Post($"/api/v1/allocations/{target.Id}/approve", new { reason = "fault suite" }));
            case OpKind.Reject:
                return target is null ? "no allocation" : await SimpleAsync(target, host.Op.Post($"/api/v1/allocations/{target.Id}/reject", new { reason = "fault suite" }));
            default:
                return target is null ? "no allocation" : await ElasticAsync(op, target);
        }
    }

    /// <summary>The allocation an operation is about: one in a state where it does something, when there is one.</summary>
    private Expectation? Pick(Operation op)
    {
        if (op.Kind is OpKind.Create or OpKind.CreateLarge or OpKind.Reconcile || _known.Count == 0)
        {
            return null;
        }

        Func<Settled, bool> fits = op.Kind switch
        {
            OpKind.Approve or OpKind.Reject => s => s.Status == "PendingApproval",
            OpKind.ElasticGrow or OpKind.ElasticShrink or OpKind.ElasticReclaim => s => s.Status == "Ready",
            _ => s => s.Status is "Ready" or "PendingApproval",
        };
        var candidates = _known.Where(k => k.Allowed.Count == 1 && fits(k.Allowed.Single())).ToList();
        return candidates.Count > 0 ? candidates[op.Target % candidates.Count] : _known[op.Target % _known.Count];
    }

    private string NextId(Operation op) => AllocationIds.For(TenantFor(op), $"seed{seed}-{_keys}");

    private string TenantFor(Operation op) => tree.TenantOf(tree.Departments[op.Target % tree.Departments.Length]);

    private async Task<string> CreateAsync(Operation op)
    {
        var key = $"seed{seed}-{_keys++}";
        var tenant = TenantFor(op);
        var expectation = new Expectation(AllocationIds.For(tenant, key), tenant, key, op.Vcpu, op.Vcpu * 2) { MayBeMissing = true };
        _known.Add(expectation);
        using var response = await host.Op.PostWithKey("/api/v1/allocations", new { tenant, resources = new { vcpu = op.Vcpu, memoryGiB = op.Vcpu * 2 }, constraints = new { region = tree.Region } }, key);
        return await RecordAsync(expectation, response);
    }

    private async Task<string> ResizeAsync(Expectation target, (long Vcpu, long Memory) to)
    {
        using var response = await host.Op.Patch($"/api/v1/allocations/{target.Id}", new { resources = new { vcpu = to.Vcpu, memoryGiB = to.Memory } });
        return await RecordAsync(target, response);
    }

    private async Task<string> SimpleAsync(Expectation target, Task<HttpResponseMessage> call)
    {
        using var response = await call;
        return await RecordAsync(target, response);
    }

    /// <summary>An answered request: a success fixes the model to what it says; a refusal changes nothing.</summary>
    private static async Task<string> RecordAsync(Expectation target, HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created)
        {
            var body = JsonNode.Parse(text)!;
            target.Acknowledged(body.Str("status"), body.Long("resources.vcpu"), body.Long("resources.memoryGiB"));
            return $"{(int)response.StatusCode} {body.Str("status")} {body.Long("resources.vcpu")}/{body.Long("resources.memoryGiB")}";
        }

        Assert.True(response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity,
            $"{target.Id}: unexpected {(int)response.StatusCode}: {text}");
        return $"{(int)response.StatusCode}";
    }

    private async Task<string> ElasticAsync(Operation op, Expectation target)
    {
        var allocation = host.Grains.GetGrain<IAllocationGrain>(target.Id);
        var now = host.Clock.GetUtcNow();
        if (op.Kind == OpKind.ElasticReclaim)
        {
            await allocation.ApplyElastic(new ElasticCommand(ElasticAction.MarkIdle, "fault suite: idle", null, now.AddHours(-2), now));
        }

        var (vcpu, memory) = Resized(op, Current(target));
        var command = op.Kind switch
        {
            OpKind.ElasticReclaim => new ElasticCommand(ElasticAction.Reclaim, "fault suite: reclaim"),
            OpKind.ElasticGrow => new ElasticCommand(ElasticAction.Grow, "fault suite: grow", ResourceVector.Of(vcpu, memory)),
            _ => new ElasticCommand(ElasticAction.Shrink, "fault suite: shrink", ResourceVector.Of(vcpu, memory)),
        };
        var result = await allocation.ApplyElastic(command);
        if (result.Applied == ElasticApplied.GrowRequested)
        {
            target.PendingGrow = (vcpu, memory);
        }

        if (result.Applied is ElasticApplied.Grown or ElasticApplied.Shrunk or ElasticApplied.Reclaimed)
        {
            var view = (await allocation.Get())!;
            target.Acknowledged(view.Status.ToString(), view.Resources[ResourceNames.Vcpu], view.Resources[ResourceNames.MemoryGiB]);
        }

        return $"{result.Applied}: {result.Detail}";
    }

    /// <summary>A size from the op: a growth or shrink of vcpu, memory in step, or against it now and then (a mixed change).</summary>
    private static (long Vcpu, long Memory) Resized(Operation op, Settled current)
    {
        var grow = op.Kind is OpKind.Grow or OpKind.ElasticGrow;
        var vcpu = grow ? current.Vcpu + op.Vcpu : Math.Max(1, current.Vcpu - op.Vcpu);
        var mixed = (op.Target >> 8) % 3 == 0;
        var memory = mixed ? Math.Max(1, grow ? current.Memory - op.Vcpu : current.Memory + op.Vcpu) : vcpu * 2;
        return (vcpu, memory);
    }

    private static Settled Current(Expectation e) => e.Allowed.Count == 1 ? e.Allowed.Single() : e.Allowed.OrderBy(a => a.Vcpu).FirstOrDefault();

    /// <summary>The crashed request may or may not have taken effect.</summary>
    private void CutModel(Operation op, Expectation? target, string subject)
    {
        switch (op.Kind)
        {
            case OpKind.Create or OpKind.CreateLarge:
                var created = _known[^1];
                created.Cut(_ => []);
                created.Allowed.Add(new Settled(op.Kind == OpKind.CreateLarge ? "PendingApproval" : "Ready", created.Vcpu, created.Memory));
                break;
            case OpKind.Grow or OpKind.Shrink or OpKind.ElasticGrow or OpKind.ElasticShrink when target is not null:
                target.Cut(s =>
                {
                    var (vcpu, memory) = Resized(op, s);
                    return [s with { Vcpu = vcpu, Memory = memory }, s with { Vcpu = Math.Min(vcpu, s.Vcpu), Memory = Math.Min(memory, s.Memory) }];
                });
                break;
            case OpKind.Release or OpKind.ElasticReclaim when target is not null:
                target.Cut(s => Expectation.IsFinal(s.Status) ? [] : [s with { Status = "Released" }]);
                break;
            case OpKind.Approve when target is not null:
                target.Cut(s => s.Status == "PendingApproval" ? [s with { Status = "Ready" }, s with { Status = "Failed" }]
                    : target.PendingGrow is { } grow ? [s with { Vcpu = grow.Vcpu, Memory = grow.Memory }] : []);
                break;
            case OpKind.Reject when target is not null:
                target.Cut(s => s.Status == "PendingApproval" ? [s with { Status = "Rejected" }] : []);
                break;
        }
    }
}
