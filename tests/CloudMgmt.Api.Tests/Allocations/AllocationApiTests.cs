using System.Net;
using CloudMgmt.Api.Tests.Infrastructure;
using CloudMgmt.Client;
using CloudMgmt.Client.Models;
using CloudMgmt.Client.Problems;

namespace CloudMgmt.Api.Tests.Allocations;

public sealed class AllocationApiTests : IDisposable
{
    private readonly ControllerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Create_WithinQuota_AdmittedAndReservedAlongPath()
    {
        var op = _factory.Operator();
        await ApiCalls.SeedAsync(op);

        var created = await op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 8, memoryGiB = 32 } })
            .Expect(HttpStatusCode.Created);

        Assert.Equal("Admitted", created.Str("status"));
        Assert.Equal(["dept", "city", "province"], created["decision"]!["path"]!.AsArray().Select(p => p!.GetValue<string>()));
        foreach (var pool in new[] { "dept", "city", "province" })
        {
            var view = await op.GetAsync($"/api/v1/pools/{pool}").Expect(HttpStatusCode.OK);
            Assert.Equal(8, view.Long("reserved.vcpu"));
        }

        var fetched = await op.GetAsync($"/api/v1/allocations/{created.Str("id")}").Expect(HttpStatusCode.OK);
        Assert.Equal(created.Str("id"), fetched.Str("id"));
    }

    [Fact]
    public async Task Create_DoesNotFit_Returns409ProblemWithShortfallAndRecordsNothing()
    {
        var op = _factory.Operator();
        await ApiCalls.SeedAsync(op, vcpu: 10);
        using var cm = Client(op); // the typed client: the 409 arrives as an exception carrying its shortfalls

        var refused = await Assert.ThrowsAsync<QuotaExceededException>(() =>
            cm.Allocations.RequestAsync(new NewAllocation { Tenant = "health", Resources = new Dictionary<string, long> { ["vcpu"] = 12 } }));

        Assert.Equal(409, refused.Status);
        Assert.Equal(("dept", "vcpu", 2L), refused.Shortfalls.Select(s => (s.Pool, s.Resource, s.Short)).Single());
        Assert.Empty(await cm.Allocations.ListAsync().ToListAsync());
        Assert.Equal(0, (await cm.Pools.GetAsync("province")).Reserved.GetValueOrDefault("vcpu"));
    }

    [Fact]
    public async Task Create_InvalidInput_Returns400NamingEveryFieldAndChangesNothing()
    {
        var op = _factory.Operator();
        await ApiCalls.SeedAsync(op);

        var problem = await op.Post("/api/v1/allocations", new { tenant = "Bad Tenant!", resources = new Dictionary<string, long> { ["vcpu"] = -1 }, priority = 5000 })
            .ExpectProblem(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.Contains("tenant", errors.Select(e => e.Key));
        Assert.Contains("resources.vcpu", errors.Select(e => e.Key));
        Assert.Contains("priority", errors.Select(e => e.Key));
        Assert.Empty((await op.GetAsync("/api/v1/allocations").Expect(HttpStatusCode.OK))["items"]!.AsArray());
    }

    [Fact]
    public async Task Create_SameIdempotencyKey_ReturnsSameAllocationAndDifferentBodyConflicts()
    {
        var op = _factory.Operator();
        await ApiCalls.SeedAsync(op);
        var body = new { tenant = "health", resources = new { vcpu = 4 } };

        var firstResponse = await op.PostWithKey("/api/v1/allocations", body, "order-42");
        var againResponse = await op.PostWithKey("/api/v1/allocations", body, "order-42");
        var firstReplayed = firstResponse.Headers.Contains("Idempotent-Replayed");
        var againReplayed = againResponse.Headers.TryGetValues("Idempotent-Replayed", out var values) ? values.ToList() : [];
        var first = await Task.FromResult(firstResponse).Expect(HttpStatusCode.Created);
        var again = await Task.FromResult(againResponse).Expect(HttpStatusCode.Created);
        await op.PostWithKey("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 5 } }, "order-42")
            .ExpectProblem(HttpStatusCode.Conflict);

        Assert.Equal(first.Str("id"), again.Str("id"));
        Assert.False(firstReplayed);
        Assert.Equal(["true"], againReplayed);
        Assert.Equal(4, (await op.GetAsync("/api/v1/pools/dept").Expect(HttpStatusCode.OK)).Long("reserved.vcpu"));
    }

    [Fact]
    public async Task Create_DryRun_ExplainsDecisionAndChangesNothing()
    {
        var op = _factory.Operator();
        await ApiCalls.SeedAsync(op, vcpu: 10);

        var fits = await op.Post("/api/v1/allocations?dryRun=true", new { tenant = "health", resources = new { vcpu = 6 } }).Expect(HttpStatusCode.OK);
        var short_ = await op.Post("/api/v1/allocations?dryRun=true", new { tenant = "health", resources = new { vcpu = 16 } }).Expect(HttpStatusCode.OK);

        Assert.True(fits["wouldBeAdmitted"]!.GetValue<bool>());
        Assert.False(short_["wouldBeAdmitted"]!.GetValue<bool>());
        Assert.Equal(6, short_["decision"]!["shortfalls"]![0]!.Long("short"));
        Assert.Equal(0, (await op.GetAsync("/api/v1/pools/dept").Expect(HttpStatusCode.OK)).Long("reserved.vcpu"));
    }

    [Fact]
    public async Task Create_AboveApprovalThreshold_WaitsThenApproveAdmitsAndRejectReturnsQuota()
    {
        var op = _factory.Operator();
        await ApiCalls.SeedAsync(op, departmentExtras: new { approvalThreshold = new { vcpu = 16 } });

        var big = await op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 20 } }).Expect(HttpStatusCode.Created);
        var other = await op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 30 } }).Expect(HttpStatusCode.Created);
        Assert.Equal("PendingApproval", big.Str("status"));
        Assert.Equal(50, (await op.GetAsync("/api/v1/pools/dept").Expect(HttpStatusCode.OK)).Long("reserved.vcpu"));

        var approved = await op.Post($"/api/v1/allocations/{big.Str("id")}/approve", new { reason = "budget 2026-17" }).Expect(HttpStatusCode.OK);
        var rejected = await op.Post($"/api/v1/allocations/{other.Str("id")}/reject", new { reason = "no plan" }).Expect(HttpStatusCode.OK);

        Assert.Equal("Admitted", approved.Str("status"));
        Assert.Equal("Rejected", rejected.Str("status"));
        Assert.Equal(20, (await op.GetAsync("/api/v1/pools/dept").Expect(HttpStatusCode.OK)).Long("reserved.vcpu"));
    }

    [Fact]
    public async Task ResizeAndRelease_ChangeReservationAndReturnIt()
    {
        var op = _factory.Operator();
        await ApiCalls.SeedAsync(op, vcpu: 10);
        var a = await op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 4 } }).Expect(HttpStatusCode.Created);
        var url = $"/api/v1/allocations/{a.Str("id")}";

        await op.Patch(url, new { resources = new { vcpu = 9 } }).Expect(HttpStatusCode.OK);
        await op.Patch(url, new { resources = new { vcpu = 11 } }).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal(9, (await op.GetAsync("/api/v1/pools/province").Expect(HttpStatusCode.OK)).Long("reserved.vcpu"));

        var released = await op.DeleteAsync(url).Expect(HttpStatusCode.OK);
        await op.DeleteAsync(url).Expect(HttpStatusCode.OK);

        Assert.Equal("Released", released.Str("status"));
        foreach (var pool in new[] { "dept", "city", "province" })
        {
            Assert.Equal(0, (await op.GetAsync($"/api/v1/pools/{pool}").Expect(HttpStatusCode.OK)).Long("reserved.vcpu"));
        }
    }

    [Fact]
    public async Task List_FiltersByStatusAndPages()
    {
        var op = _factory.Operator();
        await ApiCalls.SeedAsync(op);
        using var cm = Client(op);
        for (var i = 0; i < 5; i++)
        {
            await cm.Allocations.RequestAsync(new NewAllocation { Tenant = "health", Resources = new Dictionary<string, long> { ["vcpu"] = 1 } });
        }

        var first = await cm.Allocations.ListPageAsync(new AllocationFilter { PageSize = 3 });
        var second = await cm.Allocations.ListPageAsync(new AllocationFilter { PageSize = 3 }, first.Next);

        Assert.Equal(3, first.Items.Count);
        Assert.Equal(2, second.Items.Count);
        Assert.Null(second.Next);
        Assert.Empty(first.Items.Select(a => a.Id).Intersect(second.Items.Select(a => a.Id)));
        Assert.Empty(await cm.Allocations.ListAsync(new AllocationFilter { Status = "Released" }).ToListAsync());
    }

    private static CloudMgmtClient Client(HttpClient authenticated) => new(authenticated, new CloudMgmtClientOptions());
}
