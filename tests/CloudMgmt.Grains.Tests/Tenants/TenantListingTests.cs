using CloudMgmt.Domain.Allocations;
using CloudMgmt.Grains.Tenants;
using CloudMgmt.Grains.Tests.Infrastructure;
using static CloudMgmt.Grains.Tests.Infrastructure.TreeSetup;

namespace CloudMgmt.Grains.Tests.Tenants;

/// <summary>A tenant's listing read page by page from storage; finished allocations out of memory.</summary>
public sealed class TenantListingTests : IDisposable
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-28T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private readonly string _folder = Directory.CreateTempSubdirectory("cloudmgmt-tenant-listing").FullName;

    private string DataFile => Path.Combine(_folder, "state.db");

    private static AllocationSummary Summary(int i, AllocationStatus status, int minutes = 0) =>
        new($"a{i:D4}", "dept", status, Cpu(1), 0, At, At.AddMinutes(minutes));

    /// <summary>Records allocations a0000.. on tenant "dept", Released where <paramref name="released"/> says, else Admitted.</summary>
    private static async Task<ITenantGrain> FillAsync(OwnSilo silo, int count, Func<int, bool> released)
    {
        var tenant = silo.Grains.GetGrain<ITenantGrain>("dept");
        for (var i = 0; i < count; i++)
        {
            await tenant.Record(Summary(i, released(i) ? AllocationStatus.Released : AllocationStatus.Admitted));
        }

        return tenant;
    }

    [Fact]
    public async Task List_ManyAllocations_ReadsOnlyOnePageFromStorage()
    {
        await using var silo = await OwnSilo.StartAsync(DataFile);
        var tenant = await FillAsync(silo, 300, i => i % 3 == 0);

        silo.Ledgers.Reads.Clear();
        var first = await tenant.List(new AllocationQuery(null, null, 10));
        var second = await tenant.List(new AllocationQuery(null, first.Next, 10));

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"a{i:D4}"), first.Items.Select(a => a.Id));
        Assert.Equal("a0009", first.Next);
        Assert.Equal(Enumerable.Range(10, 10).Select(i => $"a{i:D4}"), second.Items.Select(a => a.Id));
        Assert.Equal([("tenant/dept", 11), ("tenant/dept", 11)], silo.Ledgers.Reads.ToList());
    }

    [Fact]
    public async Task List_StatusFilterAndLastPage_SameContractAsBefore()
    {
        await using var silo = await OwnSilo.StartAsync(DataFile);
        var tenant = await FillAsync(silo, 600, i => i % 100 == 7);

        var released = await tenant.List(new AllocationQuery(AllocationStatus.Released, null, 4));
        var rest = await tenant.List(new AllocationQuery(AllocationStatus.Released, released.Next, 4));
        var tail = await tenant.List(new AllocationQuery(null, "a0597", 5));

        Assert.Equal(["a0007", "a0107", "a0207", "a0307"], released.Items.Select(a => a.Id));
        Assert.Equal("a0307", released.Next);
        Assert.Equal(["a0407", "a0507"], rest.Items.Select(a => a.Id));
        Assert.Null(rest.Next);
        Assert.Equal(["a0598", "a0599"], tail.Items.Select(a => a.Id));
        Assert.Null(tail.Next);
    }

    [Fact]
    public async Task Restart_FinishedAllocationGetsAnOlderSummary_KeepsTheNewerAndTheCount()
    {
        await using (var silo = await OwnSilo.StartAsync(DataFile))
        {
            var tenant = silo.Grains.GetGrain<ITenantGrain>("dept");
            await tenant.Record(Summary(1, AllocationStatus.Admitted, 1));
            await tenant.Record(Summary(1, AllocationStatus.Released, 5));
            await tenant.Record(Summary(2, AllocationStatus.Admitted, 1));
        }

        await using (var silo = await OwnSilo.StartAsync(DataFile))
        {
            var tenant = silo.Grains.GetGrain<ITenantGrain>("dept");
            await tenant.Record(Summary(1, AllocationStatus.Admitted, 1)); // late, and not in memory after the restart
            await tenant.Record(Summary(3, AllocationStatus.PendingApproval, 1));

            var page = await tenant.List(new AllocationQuery(null, null, 10));
            var usage = await tenant.GetUsage();

            Assert.Equal([AllocationStatus.Released, AllocationStatus.Admitted, AllocationStatus.PendingApproval], page.Items.Select(a => a.Status));
            Assert.Equal(3, usage.Allocations);
            Assert.Equal(Cpu(1), usage.Admitted);
            Assert.Equal(Cpu(1), usage.PendingApproval);
        }
    }

    [Fact]
    public void Index_ManyFinished_KeepsOnlyTheHeldAndTheLastFinishedInMemory()
    {
        var index = new TenantIndex();
        for (var i = 0; i < 5000; i++)
        {
            index.TryRecord($"a{i}", SummaryState.Save(Summary(i, AllocationStatus.Admitted)), out _);
            if (i >= 100)
            {
                index.TryRecord($"a{i}", SummaryState.Save(Summary(i, AllocationStatus.Released, 1)), out _);
            }
        }

        Assert.Equal(5000, index.Count);
        Assert.Equal(100 + TenantIndex.FinishedKept, index.InMemory);
        Assert.Equal(100, index.Held.Count());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
