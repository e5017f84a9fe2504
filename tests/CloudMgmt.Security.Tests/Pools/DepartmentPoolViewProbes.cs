using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Security.Tests.Infrastructure;

namespace CloudMgmt.Security.Tests.Pools;

/// <summary>
/// A department key sees its pool path (its tenant's pool and the ancestors) and nothing of the
/// pools beside it; no usage figure it sees counts another tenant's allocations. Operators and
/// viewers see the whole tree.
/// </summary>
public sealed class DepartmentPoolViewProbes(ProbeTarget target) : IClassFixture<ProbeTarget>
{
    [Theory]
    [InlineData(SeededState.SiblingDepartment)]
    [InlineData(SeededState.OtherCity)]
    public async Task GetPool_OffTheDepartmentsPath_Is404ExactlyLikeAMissingPool(string pool)
    {
        var hidden = await target.RefusesAsync(HttpStatusCode.NotFound, () => target.Department.GetAsync($"/api/v1/pools/{pool}"));
        var missing = await target.RefusesAsync(HttpStatusCode.NotFound, () => target.Department.GetAsync($"/api/v1/pools/{pool}-x"));

        Assert.Equal(Shape(missing, $"{pool}-x"), Shape(hidden, pool));
    }

    [Fact]
    public async Task ListPools_ShowsThePathAlone()
    {
        var pools = await target.Department.GetAsync("/api/v1/pools").Expect(HttpStatusCode.OK);

        Assert.Equal(SeededState.TenantPoolPath.Order(), pools.AsArray().Select(p => p!.Str("id")).Order());
    }

    [Fact]
    public async Task Tree_ShowsThePathAsOneBranch()
    {
        var tree = await target.Department.GetAsync("/api/v1/pools/tree").Expect(HttpStatusCode.OK);

        var ids = new List<string>();
        for (var level = tree.AsArray(); level.Count > 0; level = level[0]!["children"]!.AsArray())
        {
            Assert.Single(level);
            ids.Add(level[0]!["pool"]!.Str("id"));
        }

        Assert.Equal(SeededState.TenantPoolPath.Reverse(), ids);
    }

    [Fact]
    public async Task Pools_NoFigureCountsTheSiblingsAllocation()
    {
        var text = (await target.Department.GetAsync("/api/v1/pools/tree").Expect(HttpStatusCode.OK)).ToJsonString()
            + (await target.Department.GetAsync("/api/v1/pools").Expect(HttpStatusCode.OK)).ToJsonString();
        var own = await target.Department.GetAsync($"/api/v1/pools/{SeededState.Department}").Expect(HttpStatusCode.OK);
        var city = await target.Department.GetAsync($"/api/v1/pools/{SeededState.City}").Expect(HttpStatusCode.OK);

        Assert.DoesNotContain(SeededState.SiblingDepartment, text, StringComparison.Ordinal);
        Assert.Equal(4, own.Long("reserved.vcpu")); // its own pool serves its tenant alone
        Assert.Equal(1, own["reservations"]!.GetValue<int>());
        foreach (var field in new[] { "reserved", "borrowed", "reservations" })
        {
            Assert.Null(city[field]); // the city's figures may count the sibling's 6 vcpu
        }
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("viewer")]
    public async Task Pools_OperatorAndViewer_SeeEveryPoolWithItsFigures(string role)
    {
        var client = role == "operator" ? target.Operator : target.Viewer;

        var pools = (await client.GetAsync("/api/v1/pools").Expect(HttpStatusCode.OK)).AsArray();
        var sibling = await client.GetAsync($"/api/v1/pools/{SeededState.SiblingDepartment}").Expect(HttpStatusCode.OK);

        Assert.Equal(5, pools.Count);
        Assert.Equal(6, sibling.Long("reserved.vcpu"));
        Assert.All(pools, p => Assert.NotNull(p!["reserved"]));
    }

    /// <summary>The problem with the asked id and the trace id taken out: what could tell a hidden pool from a missing one.</summary>
    private static string Shape(JsonNode problem, string id)
    {
        var copy = problem.DeepClone().AsObject();
        copy.Remove("traceId");
        return copy.ToJsonString().Replace(id, "{id}", StringComparison.Ordinal);
    }
}
