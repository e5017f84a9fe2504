using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Security.Tests.Infrastructure;

namespace CloudMgmt.Security.Tests.Allocations;

/// <summary>
/// PATCH /api/v1/allocations/{id} is a JSON merge patch of the resources (RFC 7396): an absent
/// resource keeps its amount, null removes it; the result is checked like a new request, and a
/// refused patch changes nothing. Each test makes its own allocation.
/// </summary>
public sealed class MergePatchProbes(ProbeTarget target) : IClassFixture<ProbeTarget>
{
    [Theory]
    [InlineData("application/merge-patch+json")]
    [InlineData("application/json")]
    public async Task Patch_OneResource_KeepsTheOthers(string contentType)
    {
        var id = await CreateAsync(new { vcpu = 2, memoryGiB = 8 });

        var patched = await target.Department.SendJson(HttpMethod.Patch, $"/api/v1/allocations/{id}",
            """{"resources":{"memoryGiB":16}}""", contentType).Expect(HttpStatusCode.OK);

        Assert.Equal(2, patched.Long("resources.vcpu"));
        Assert.Equal(16, patched.Long("resources.memoryGiB"));
    }

    [Fact]
    public async Task Patch_NullResource_RemovesItAndReturnsItsQuota()
    {
        var id = await CreateAsync(new { vcpu = 2, memoryGiB = 8 });
        var before = await AdmittedAsync();

        var patched = await target.Department.SendJson(HttpMethod.Patch, $"/api/v1/allocations/{id}",
            """{"resources":{"memoryGiB":null}}""", "application/merge-patch+json").Expect(HttpStatusCode.OK);

        Assert.Null(patched["resources"]!["memoryGiB"]);
        Assert.Equal(2, patched.Long("resources.vcpu"));
        Assert.Equal(before.Long("memoryGiB") - 8, (await AdmittedAsync()).Long("memoryGiB"));
    }

    [Theory]
    [InlineData("""{"resources":{"vcpu":null}}""")]
    [InlineData("""{"resources":{"vcpu":0}}""")]
    [InlineData("""{"resources":null}""")]
    [InlineData("""{}""")]
    public async Task Patch_LeavingNothing_Is400AndChangesNothing(string body)
    {
        var id = await CreateAsync(new { vcpu = 3 });

        var problem = await target.RefusesAsync(HttpStatusCode.BadRequest, () => target.Department.SendJson(
            HttpMethod.Patch, $"/api/v1/allocations/{id}", body, "application/merge-patch+json"));

        Assert.Equal("resources", problem.Str("field"));
    }

    [Fact]
    public async Task Patch_BeyondTheQuota_Is409AndChangesNothing()
    {
        var id = await CreateAsync(new { vcpu = 1, memoryGiB = 1 });

        await target.RefusesAsync(HttpStatusCode.Conflict, () => target.Department.SendJson(
            HttpMethod.Patch, $"/api/v1/allocations/{id}", """{"resources":{"memoryGiB":100000}}""", "application/merge-patch+json"));
    }

    [Fact]
    public async Task Patch_AboveTheApprovalThreshold_Is409AndChangesNothing()
    {
        var id = await CreateAsync(new { vcpu = 1 });

        await target.RefusesAsync(HttpStatusCode.Conflict, () => target.Department.SendJson(
            HttpMethod.Patch, $"/api/v1/allocations/{id}", """{"resources":{"vcpu":25}}""", "application/merge-patch+json"));
    }

    [Fact]
    public async Task Patch_InvalidResourceName_Is400AndChangesNothing()
    {
        var id = await CreateAsync(new { vcpu = 1 });

        var problem = await target.RefusesAsync(HttpStatusCode.BadRequest, () => target.Department.SendJson(
            HttpMethod.Patch, $"/api/v1/allocations/{id}", """{"resources":{"memoryGiB":2,"9lives":null}}""", "application/merge-patch+json"));

        Assert.Equal("resources.9lives", problem.Str("field"));
    }

    [Fact]
    public async Task OpenApi_DescribesThePatchAsAMergePatch()
    {
        var document = await target.Anonymous.GetAsync("/openapi/v1.json").Expect(HttpStatusCode.OK);

        var patch = document["paths"]!["/api/v1/allocations/{id}"]!["patch"]!;
        var content = patch["requestBody"]!["content"]!.AsObject();
        Assert.True(content.ContainsKey("application/merge-patch+json"), content.ToJsonString());
        Assert.True(content.ContainsKey("application/json"), content.ToJsonString());
        Assert.Contains("RFC 7396", patch["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<string> CreateAsync(object resources) =>
        (await target.Department.Post("/api/v1/allocations", new { resources }).Expect(HttpStatusCode.Created)).Str("id");

    private async Task<JsonNode> AdmittedAsync() =>
        (await target.Department.GetAsync($"/api/v1/tenants/{SeededState.Tenant}").Expect(HttpStatusCode.OK))["admitted"]!;
}
