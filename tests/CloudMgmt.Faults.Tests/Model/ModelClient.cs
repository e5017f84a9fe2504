using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Application.Allocations;
using CloudMgmt.Domain.Elastic;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Faults.Tests.Infrastructure;
using CloudMgmt.Grains.Allocations;

namespace CloudMgmt.Faults.Tests.Model;

/// <summary>
/// Does what a run's operations say as a client would (HTTP for what users do, the allocation grain
/// for what the elastic pass does), and keeps the model of what each allocation may be: an answer
/// fixes it, a request cut by a crash widens it (<see cref="Cut"/>).
/// </summary>
public sealed class ModelClient(IFaultTarget host, Tree tree, int seed)
{
    private readonly List<Expectation> _known = [];
    private int _keys;

    public IReadOnlyList<Expectation> Known => _known;

    public async Task<string> ExecuteAsync(Operation op, Expectation? target, HttpClient http)
    {
        switch (op.Kind)
        {
            case OpKind.Create or OpKind.CreateLarge:
                return await CreateAsync(op, http);
            case OpKind.Reconcile:
                foreach (var cloud in tree.Clouds)
                {
                    using var response = await http.PostAsync($"/api/v1/clouds/{cloud}/reconcile", null);
                    await NoDefiniteAnswer.ThrowIfServerErrorAsync(response);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }

                return "reconciled";
            case OpKind.Grow or OpKind.Shrink:
                return target is null ? "no allocation" : await ResizeAsync(target, Resized(op, Current(target)), http);
            case OpKind.Release:
                return target is null ? "no allocation" : await SimpleAsync(target, http.DeleteAsync($"/api/v1/allocations/{target.Id}"));
            case OpKind.Approve:
                return target is null ? "no allocation" : await SimpleAsync(target, http.Post($"/api/v1/allocations/{target.Id}/approve", new { reason = "fault suite" }));
            case OpKind.Reject:
                return target is null ? "no allocation" : await SimpleAsync(target, http.Post($"/api/v1/allocations/{target.Id}/reject", new { reason = "fault suite" }));
            default:
                return target is null ? "no allocation" : await ElasticAsync(op, target);
        }
    }

    /// <summary>
    /// The allocation an operation is about: one in a state where it does something, when there is one,
    /// and none in <paramref name="busy"/> (another operation in flight is about it).
    /// </summary>
    public Expectation? Pick(Operation op, IReadOnlySet<string>? busy = null)
    {
        var free = busy is null ? _known : _known.Where(k => !busy.Contains(k.Id)).ToList();
        if (op.Kind is OpKind.Create or OpKind.CreateLarge or OpKind.Reconcile || free.Count == 0)
        {
            return null;
        }

        Func<Settled, bool> fits = op.Kind switch
        {
            OpKind.Approve or OpKind.Reject => s => s.Status == "PendingApproval",
            OpKind.ElasticGrow or OpKind.ElasticShrink or OpKind.ElasticReclaim => s => s.Status == "Ready",
            _ => s => s.Status is "Ready" or "PendingApproval",
        };
        var candidates = free.Where(k => k.Allowed.Count == 1 && fits(k.Allowed.Single())).ToList();
        return candidates.Count > 0 ? candidates[op.Target % candidates.Count] : free[op.Target % free.Count];
    }

    /// <summary>The id the next create will make (its Idempotency-Key is the seed and a counter).</summary>
    public string NextId(Operation op) => AllocationIds.For(TenantFor(op), $"seed{seed}-{_keys}");

    private string TenantFor(Operation op) => tree.TenantOf(tree.Departments[op.Target % tree.Departments.Length]);

    private async Task<string> CreateAsync(Operation op, HttpClient http)
    {
        var key = $"seed{seed}-{_keys++}";
        var tenant = TenantFor(op);
        var expectation = new Expectation(AllocationIds.For(tenant, key), tenant, key, op.Vcpu, op.Vcpu * 2) { MayBeMissing = true };
        _known.Add(expectation);
        return await PostCreateAsync(expectation, http);
    }

    /// <summary>
    /// A client's retry of a create that got no definite answer: the same request with the same
    /// Idempotency-Key. Its answer is the first one's: a refusal now means the first never happened.
    /// </summary>
    public Task<string> RetryCreateAsync(Expectation created, HttpClient http) => PostCreateAsync(created, http, retry: true);

    private async Task<string> PostCreateAsync(Expectation created, HttpClient http, bool retry = false)
    {
        var request = new { tenant = created.Tenant, resources = new { vcpu = created.Vcpu, memoryGiB = created.Memory }, constraints = new { region = tree.Region } };
        using var response = await http.PostWithKey("/api/v1/allocations", request, created.Key);
        var outcome = await RecordAsync(created, response);
        if (retry && !response.IsSuccessStatusCode && !created.Exists)
        {
            created.Allowed.Clear();
        }

        return outcome;
    }

    private static async Task<string> ResizeAsync(Expectation target, (long Vcpu, long Memory) to, HttpClient http)
    {
        using var response = await http.Patch($"/api/v1/allocations/{target.Id}", new { resources = new { vcpu = to.Vcpu, memoryGiB = to.Memory } });
        return await RecordAsync(target, response);
    }

    private static async Task<string> SimpleAsync(Expectation target, Task<HttpResponseMessage> call)
    {
        using var response = await call;
        return await RecordAsync(target, response);
    }

    /// <summary>An answered request: a success fixes the model to what it says; a refusal changes nothing.</summary>
    private static async Task<string> RecordAsync(Expectation target, HttpResponseMessage response)
    {
        await NoDefiniteAnswer.ThrowIfServerErrorAsync(response);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created)
        {
            var body = JsonNode.Parse(text)!;
            target.Acknowledged(body.Str("status"), body.Long("resources.vcpu"), body.Long("resources.memoryGiB"));
            return $"{(int)response.StatusCode} {body.Str("status")} {body.Long("resources.vcpu")}/{body.Long("resources.memoryGiB")}";
        }

        Assert.True(response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity,
            $"{target.Id}: unexpected {(int)response.StatusCode}: {text}");
        // No cloud can hold it (issue 16): refused before anything is charged, so nothing changed, unless
        // the room chosen was taken before it was held: then the 409 names the allocation, left Failed.
        if (response.StatusCode == HttpStatusCode.Conflict && JsonNode.Parse(text)?["allocation"]?.GetValue<string>() == target.Id)
        {
            var settled = target.Allowed.Count > 0 ? target.Allowed.First() : new Settled("Failed", target.Vcpu, target.Memory);
            target.Acknowledged("Failed", settled.Vcpu, settled.Memory);
            return "409 Failed";
        }

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

    /// <summary>
    /// A request cut by a crash (at <paramref name="boundary"/>, or at an unknown point when null) may or
    /// may not have taken effect. A cut create (of <paramref name="subject"/>) may also have failed for
    /// want of room, when its clouds can run out of it and the crash came where it could have been
    /// placed, or inside the failure itself.
    /// </summary>
    public void Cut(Operation op, Expectation? target, string subject, string? boundary)
    {
        switch (op.Kind)
        {
            case OpKind.Create or OpKind.CreateLarge:
                var created = _known.Single(k => k.Id == subject);
                created.Cut(_ => []);
                created.Allowed.Add(new Settled(op.Kind == OpKind.CreateLarge ? "PendingApproval" : "Ready", created.Vcpu, created.Memory));
                var placing = boundary is null or "create/Place" or "create/Confirm" or "create/done";
                if ((op.Kind == OpKind.Create && tree.Exhausting && placing) || boundary?.StartsWith("fail/", StringComparison.Ordinal) == true)
                {
                    created.Allowed.Add(new Settled("Failed", created.Vcpu, created.Memory));
                }

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

/// <summary>
/// A request the controller could not answer (a 5xx): it may or may not have taken effect. Only where
/// part of the controller is lost on purpose is that no failure of the test.
/// </summary>
public sealed class NoDefiniteAnswer(string message) : Exception(message)
{
    public static async Task ThrowIfServerErrorAsync(HttpResponseMessage response)
    {
        if ((int)response.StatusCode >= 500)
        {
            throw new NoDefiniteAnswer($"{(int)response.StatusCode} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
