using System.Net;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Api.Tests.Pools;

public sealed class PoolApiTests : IDisposable
{
    private readonly ControllerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Tree_ShowsNestingAndBorrowingIsReported()
    {
        var op = _factory.Operator();
        await op.Post("/api/v1/pools", new { id = "anhui", quota = new { vcpu = 100 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/pools", new { id = "hefei", parent = "anhui", quota = new { vcpu = 10 }, borrowingLimit = new { vcpu = 5 } })
            .Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/tenants", new { id = "transport", pool = "hefei" }).Expect(HttpStatusCode.Created);

        await op.Post("/api/v1/allocations", new { tenant = "transport", resources = new { vcpu = 14 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/allocations", new { tenant = "transport", resources = new { vcpu = 2 } }).ExpectProblem(HttpStatusCode.Conflict);

        var tree = await op.GetAsync("/api/v1/pools/tree").Expect(HttpStatusCode.OK);
        var hefei = tree[0]!["children"]![0]!["pool"]!;
        Assert.Equal("hefei", hefei.Str("id"));
        Assert.Equal(14, hefei.Long("reserved.vcpu"));
        Assert.Equal(4, hefei.Long("borrowed.vcpu"));
    }

    [Fact]
    public async Task Create_MissingParentOrDuplicate_ReturnsProblemAndChangesNothing()
    {
        var op = _factory.Operator();
        var orphan = await op.Post("/api/v1/pools", new { id = "x", parent = "nowhere", quota = new { vcpu = 1 } }).ExpectProblem(HttpStatusCode.BadRequest);
        await op.Post("/api/v1/pools", new { id = "x", quota = new { vcpu = 1 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/pools", new { id = "x", quota = new { vcpu = 2 } }).ExpectProblem(HttpStatusCode.Conflict);

        Assert.Equal("parent", orphan.Str("field"));
        Assert.Equal(1, (await op.GetAsync("/api/v1/pools/x").Expect(HttpStatusCode.OK)).Long("quota.vcpu"));
    }

    [Fact]
    public async Task Update_QuotaBelowReserved_IsRefusedAndAboveIsApplied()
    {
        var op = _factory.Operator();
        await ApiCalls.SeedAsync(op, vcpu: 10);
        await op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 8 } }).Expect(HttpStatusCode.Created);

        await op.Patch("/api/v1/pools/dept", new { quota = new { vcpu = 5, memoryGiB = 400 } }).ExpectProblem(HttpStatusCode.Conflict);
        var grown = await op.Patch("/api/v1/pools/dept", new { quota = new { vcpu = 20, memoryGiB = 400 } }).Expect(HttpStatusCode.OK);
        await op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 12 } }).Expect(HttpStatusCode.Created);

        Assert.Equal(20, grown.Long("quota.vcpu"));
    }

    [Fact]
    public async Task Create_BodyOfWrongShape_Returns400ProblemNamingFieldAndCreatesNothing()
    {
        var op = _factory.Operator();
        using var content = new StringContent("""{"id":"p","quota":{"vcpu":"lots"}}""", System.Text.Encoding.UTF8, "application/json");

        var problem = await op.PostAsync("/api/v1/pools", content).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal("quota.vcpu", problem.Str("field"));
        await op.GetAsync("/api/v1/pools/p").ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApi_DocumentAndDocsPageAreServed()
    {
        var client = _factory.WithToken(null);
        var doc = await client.GetAsync("/openapi/v1.json").Expect(HttpStatusCode.OK);
        using var docs = await client.GetAsync("/docs/index.html");

        Assert.NotNull(doc["paths"]!["/api/v1/allocations"]);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        await client.GetAsync("/healthz").Expect(HttpStatusCode.OK);
        await client.GetAsync("/readyz").Expect(HttpStatusCode.OK);
    }
}
