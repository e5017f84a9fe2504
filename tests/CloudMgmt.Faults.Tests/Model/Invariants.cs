using CloudMgmt.Domain.Allocations;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Faults.Tests.Infrastructure;
using CloudMgmt.Grains.Allocations;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Grains.Tenants;

namespace CloudMgmt.Faults.Tests.Model;

/// <summary>
/// What must hold after a recovery and a bounded number of reconcile passes (issue 22): no
/// allocation in a transitional state; each one as the model allows; each pool's reserved equal to
/// the live allocations charged to it; each cloud's wanted and real grants equal to the allocations
/// placed there (none leaked, none missing, sizes equal); each tenant's list as the allocations are.
/// </summary>
public static class Invariants
{
    private const int MaxPasses = 8;

    private static readonly AllocationStatus[] Settled =
        [AllocationStatus.PendingApproval, AllocationStatus.Ready, AllocationStatus.Released, AllocationStatus.Rejected, AllocationStatus.Failed];

    /// <summary>Reconcile passes until nothing is left to do, at most <see cref="MaxPasses"/>.</summary>
    public static async Task SettleAsync(IFaultTarget host, Tree tree, IReadOnlyList<Expectation> known)
    {
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            await host.ReconcileAsync(tree);
            var views = await Task.WhenAll(known.Select(e => host.Grains.GetGrain<IAllocationGrain>(e.Id).Get()));
            var clouds = await Task.WhenAll(tree.Clouds.Select(host.DesiredAsync));
            if (views.All(v => v is null || Settled.Contains(v.Status)) && clouds.SelectMany(c => c).All(d => d.Confirmed && !d.Releasing))
            {
                return;
            }
        }
    }

    public static async Task CheckAsync(IFaultTarget host, Tree tree, IReadOnlyList<Expectation> known)
    {
        var errors = new List<string>();
        var live = new List<(Expectation E, AllocationView V)>();
        foreach (var e in known)
        {
            var view = await host.Grains.GetGrain<IAllocationGrain>(e.Id).Get();
            CheckOne(e, view, errors);
            if (view is not null && AllocationLifecycle.HoldsQuota(view.Status))
            {
                live.Add((e, view));
            }
        }

        await CheckPoolsAsync(host, tree, live, errors);
        await CheckCloudsAsync(host, tree, known, errors);
        await CheckListsAsync(host, known, errors);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static void CheckOne(Expectation e, AllocationView? view, List<string> errors)
    {
        if (view is null)
        {
            if (!e.MayBeMissing)
            {
                errors.Add($"{e.Id}: acknowledged but missing (allowed: {string.Join(" | ", e.Allowed)})");
            }

            e.Allowed.Clear(); // not there now: nothing may bring it back but a retry with its key
            return;
        }

        var settled = new Settled(view.Status.ToString(), view.Resources[ResourceNames.Vcpu], view.Resources[ResourceNames.MemoryGiB]);
        if (!Settled.Contains(view.Status))
        {
            errors.Add($"{e.Id}: left {view.Status} after recovery and {MaxPasses} passes: {LastEvents(view)}");
        }
        else if (!e.Allowed.Contains(settled))
        {
            errors.Add($"{e.Id}: is {settled}; the model allows {(e.Allowed.Count == 0 ? "nothing (it must not exist)" : string.Join(" | ", e.Allowed))}: {LastEvents(view)}");
        }

        e.Acknowledged(settled.Status, settled.Vcpu, settled.Memory);
    }

    private static async Task CheckPoolsAsync(IFaultTarget host, Tree tree, List<(Expectation E, AllocationView V)> live, List<string> errors)
    {
        var expected = new Dictionary<string, ResourceVector>(StringComparer.Ordinal);
        foreach (var dept in tree.Departments)
        {
            expected[dept] = Sum(live.Where(l => l.V.Tenant == tree.TenantOf(dept)).Select(l => l.V.Resources));
        }

        expected[tree.City] = expected[tree.Province] = Sum(live.Select(l => l.V.Resources));
        foreach (var (pool, sum) in expected)
        {
            var usage = await host.Grains.GetGrain<IQuotaPoolGrain>(pool).GetUsage();
            if (!usage.Reserved.Equals(sum))
            {
                errors.Add($"pool {pool}: reserved {usage.Reserved}, but its live allocations add up to {sum}");
            }

            if (usage.Unconfirmed != 0)
            {
                errors.Add($"pool {pool}: {usage.Unconfirmed} reservations still unconfirmed after recovery");
            }
        }
    }

    private static async Task CheckCloudsAsync(IFaultTarget host, Tree tree, IReadOnlyList<Expectation> known, List<string> errors)
    {
        var views = (await Task.WhenAll(known.Select(e => host.Grains.GetGrain<IAllocationGrain>(e.Id).Get())))
            .Where(v => v is not null).ToDictionary(v => v!.Id, v => v!, StringComparer.Ordinal);
        var placed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cloud in tree.Clouds)
        {
            var wanted = (await host.DesiredAsync(cloud)).ToDictionary(d => d.AllocationId, StringComparer.Ordinal);
            var real = host.CloudOf(cloud).List().ToDictionary(g => g.AllocationId, StringComparer.Ordinal);
            foreach (var (id, d) in wanted)
            {
                placed[id] = placed.GetValueOrDefault(id) + 1;
                var view = views.GetValueOrDefault(id);
                if (view is not { Status: AllocationStatus.Ready } || !view.Resources.Equals(d.Resources) || d.Releasing || !d.Confirmed)
                {
                    errors.Add($"cloud {cloud}: holds {d.Resources} for {id} (releasing {d.Releasing}, confirmed {d.Confirmed}), which is {view?.Status.ToString() ?? "missing"} {view?.Resources}");
                }

                if (!real.TryGetValue(id, out var grant) || !grant.Granted.Equals(d.Resources))
                {
                    errors.Add($"cloud {cloud}: grant of {id} is {(grant is null ? "missing" : grant.Granted)}, wanted {d.Resources}");
                }
            }

            foreach (var leaked in real.Keys.Where(id => !wanted.ContainsKey(id)))
            {
                errors.Add($"cloud {cloud}: grant of {leaked} leaked (no allocation wants it there; it is {views.GetValueOrDefault(leaked)?.Status.ToString() ?? "missing"})");
            }

            foreach (var id in real.Keys.Where(id => host.CloudOf(cloud).ObjectsFor(id) > 1))
            {
                errors.Add($"cloud {cloud}: {host.CloudOf(cloud).ObjectsFor(id)} objects for {id}");
            }
        }

        foreach (var view in views.Values.Where(v => v.Status == AllocationStatus.Ready && placed.GetValueOrDefault(v.Id) != 1))
        {
            errors.Add($"{view.Id}: Ready but held on {placed.GetValueOrDefault(view.Id)} clouds");
        }
    }

    /// <summary>What a tenant's list says is what the allocation says: the index is repaired after a crash.</summary>
    private static async Task CheckListsAsync(IFaultTarget host, IReadOnlyList<Expectation> known, List<string> errors)
    {
        foreach (var tenant in known.Select(e => e.Tenant).Distinct())
        {
            var page = await host.Grains.GetGrain<ITenantGrain>(tenant).List(new AllocationQuery(null, null, 1000));
            var listed = page.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
            foreach (var e in known.Where(k => k.Tenant == tenant))
            {
                var view = await host.Grains.GetGrain<IAllocationGrain>(e.Id).Get();
                var item = listed.GetValueOrDefault(e.Id);
                if (view is not null && (item is null || item.Status != view.Status || !item.Resources.Equals(view.Resources)))
                {
                    errors.Add($"{e.Id}: is {view.Status} {view.Resources} but its tenant lists it as {item?.Status.ToString() ?? "absent"} {item?.Resources}");
                }
            }
        }
    }

    private static ResourceVector Sum(IEnumerable<ResourceVector> vectors) => vectors.Aggregate(ResourceVector.Zero, (a, b) => a + b);

    private static string LastEvents(AllocationView view) => string.Join(" / ", view.History.TakeLast(4).Select(h => $"{h.Status}: {h.Message}"));
}
