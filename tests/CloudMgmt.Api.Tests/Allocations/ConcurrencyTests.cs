using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Api.Tests.Allocations;

public sealed class ConcurrencyTests : IDisposable
{
    private readonly ControllerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Create_2000ConcurrentRequestsOnSmallPool_AdmitsExactlyWhatFitsNeverMore()
    {
        var op = _factory.Operator();
        // Two departments (200 and 100 vcpu) under one city and province; 2,000 requests of 1 vcpu
        // race for those 300.
        await op.Post("/api/v1/pools", new { id = "province", quota = new { vcpu = 0 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/pools", new { id = "city", parent = "province", quota = new { vcpu = 0 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/pools", new { id = "a", parent = "city", quota = new { vcpu = 200 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/pools", new { id = "b", parent = "city", quota = new { vcpu = 100 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/tenants", new { id = "ta", pool = "a" }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/tenants", new { id = "tb", pool = "b" }).Expect(HttpStatusCode.Created);

        var requests = Enumerable.Range(0, 2000).Select(async i =>
        {
            var tenant = i % 2 == 0 ? "ta" : "tb";
            const int vcpu = 1;
            using var response = await op.Post("/api/v1/allocations", new { tenant, resources = new { vcpu } });
            return (response.StatusCode, tenant, vcpu);
        });
        var results = await Task.WhenAll(requests);

        Assert.All(results, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        var admittedA = results.Where(r => r is { StatusCode: HttpStatusCode.Created, tenant: "ta" }).Sum(r => r.vcpu);
        var admittedB = results.Where(r => r is { StatusCode: HttpStatusCode.Created, tenant: "tb" }).Sum(r => r.vcpu);
        var province = await op.GetAsync("/api/v1/pools/province").Expect(HttpStatusCode.OK);
        var a = await op.GetAsync("/api/v1/pools/a").Expect(HttpStatusCode.OK);
        var b = await op.GetAsync("/api/v1/pools/b").Expect(HttpStatusCode.OK);

        Assert.Equal(200, admittedA);
        Assert.Equal(100, admittedB);
        Assert.Equal(200, a.Long("reserved.vcpu"));
        Assert.Equal(100, b.Long("reserved.vcpu"));
        Assert.Equal(300, province.Long("reserved.vcpu"));
        var stored = await CountAdmittedAsync(op);
        Assert.Equal(results.Count(r => r.StatusCode == HttpStatusCode.Created), stored);
    }

    private static async Task<int> CountAdmittedAsync(HttpClient op)
    {
        var count = 0;
        string? after = null;
        do
        {
            var page = await op.GetAsync("/api/v1/allocations?status=Admitted&limit=500" + (after is null ? "" : $"&after={after}"))
                .Expect(HttpStatusCode.OK);
            count += page["items"]!.AsArray().Count;
            after = page["next"]?.GetValue<string>();
        }
        while (after is not null);

        return count;
    }
}
