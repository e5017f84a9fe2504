using System.Net;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Api.Tests.Auth;

public sealed class AuthTests : IDisposable
{
    private readonly ControllerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<string> KeyAsync(HttpClient op, string role, string? tenant = null)
    {
        var issued = await op.Post("/api/v1/keys", new { role, tenant, name = $"{role} key" }).Expect(HttpStatusCode.Created);
        return issued.Str("token");
    }

    [Fact]
    public async Task Request_WithoutOrWithUnknownToken_Returns401Problem()
    {
        await _factory.WithToken(null).GetAsync("/api/v1/pools").ExpectProblem(HttpStatusCode.Unauthorized);
        await _factory.WithToken("cmk_not-a-key").GetAsync("/api/v1/pools").ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Viewer_ReadsButCannotChange()
    {
        var op = _factory.Operator();
        await ApiCalls.SeedAsync(op);
        var viewer = _factory.WithToken(await KeyAsync(op, "viewer"));

        await viewer.GetAsync("/api/v1/pools/tree").Expect(HttpStatusCode.OK);
        await viewer.Post("/api/v1/pools", new { id = "x", quota = new { vcpu = 1 } }).ExpectProblem(HttpStatusCode.Forbidden);
        await viewer.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 1 } }).ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Department_CannotSeeOrTouchAnotherTenantsAllocation_Gets404()
    {
        var op = _factory.Operator();
        await ApiCalls.SeedAsync(op);
        await op.Post("/api/v1/tenants", new { id = "education", pool = "dept" }).Expect(HttpStatusCode.Created);
        var health = _factory.WithToken(await KeyAsync(op, "department", "health"));
        var education = _factory.WithToken(await KeyAsync(op, "department", "education"));
        var theirs = await education.Post("/api/v1/allocations", new { resources = new { vcpu = 2 } }).Expect(HttpStatusCode.Created);
        var url = $"/api/v1/allocations/{theirs.Str("id")}";

        var read = await health.GetAsync(url).ExpectProblem(HttpStatusCode.NotFound);
        var missing = await health.GetAsync("/api/v1/allocations/alloc-00000000000000000000000000000000").ExpectProblem(HttpStatusCode.NotFound);
        await health.Patch(url, new { resources = new { vcpu = 3 } }).ExpectProblem(HttpStatusCode.NotFound);
        await health.DeleteAsync(url).ExpectProblem(HttpStatusCode.NotFound);
        var list = await health.GetAsync("/api/v1/allocations").Expect(HttpStatusCode.OK);
        await health.Post("/api/v1/allocations", new { tenant = "education", resources = new { vcpu = 1 } }).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal(read["title"]!.ToString(), missing["title"]!.ToString());
        Assert.Empty(list["items"]!.AsArray());
        Assert.Equal("Admitted", (await op.GetAsync(url).Expect(HttpStatusCode.OK)).Str("status"));
    }

    [Fact]
    public async Task Keys_TokenShownOnceListedWithoutSecretAndRevocable()
    {
        var op = _factory.Operator();
        var created = await op.Post("/api/v1/keys", new { role = "viewer" }).Expect(HttpStatusCode.Created);
        var token = created.Str("token");
        var viewer = _factory.WithToken(token);
        await viewer.GetAsync("/api/v1/pools").Expect(HttpStatusCode.OK);

        var listed = await op.GetAsync("/api/v1/keys").Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(token, listed.ToJsonString());
        Assert.DoesNotContain("tokenHash", listed.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        await op.DeleteAsync($"/api/v1/keys/{created.Str("id")}").Expect(HttpStatusCode.NoContent);
        await viewer.GetAsync("/api/v1/pools").ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Keys_DepartmentKeyWithoutTenant_Returns400NamingTenant()
    {
        var problem = await _factory.Operator().Post("/api/v1/keys", new { role = "department" }).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Equal("tenant", problem.Str("field"));
    }
}
