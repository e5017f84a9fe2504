using System.Net;
using CloudMgmt.Api.Tests.Infrastructure;

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

        var problem = await op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 12 } })
            .ExpectProblem(HttpStatusCode.Conflict);

        var shortfall = problem["shortfalls"]!.AsArray().Single()!;
        Assert.Equal("dept", shortfall.Str("pool"));
        Assert.Equal("vcpu", shortfall.Str("resource"));
        Assert.Equal(2, shortfall.Long("short"));
        var list = await op.GetAsync("/api/v1/allocations").Expect(HttpStatusCode.OK);
        Assert.Empty(list["items"]!.AsArray());
        Assert.Equal(0, (await op.GetAsync("/api/v1/pools/province").Expect(HttpStatusCode.OK)).Long("reserved.vcpu"));
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
        for (var i = 0; i < 5; i++)
        {
            await op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 1 } }).Expect(HttpStatusCode.Created);
        }

        var first = await op.GetAsync("/api/v1/allocations?limit=3").Expect(HttpStatusCode.OK);
        var second = await op.GetAsync($"/api/v1/allocations?limit=3&after={first.Str("next")}").Expect(HttpStatusCode.OK);
        var released = await op.GetAsync("/api/v1/allocations?status=Released").Expect(HttpStatusCode.OK);

        Assert.Equal(3, first["items"]!.AsArray().Count);
        Assert.Equal(2, second["items"]!.AsArray().Count);
        Assert.Null(second["next"]);
        Assert.Empty(first["items"]!.AsArray().Select(x => x!.Str("id")).Intersect(second["items"]!.AsArray().Select(x => x!.Str("id"))));
        Assert.Empty(released["items"]!.AsArray());
    }
}
