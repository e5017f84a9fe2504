using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Api.Tests.Clouds;

/// <summary>Admission followed by placement on the embedded default's two sandbox clouds.</summary>
public sealed class PlacementApiTests : IDisposable
{
    private readonly ControllerFactory _factory = new();

    public PlacementApiTests()
    {
        _factory.Settings["Sandbox:RegisterDefaults"] = "true";
        _factory.Settings["Reconcile:InventoryInterval"] = "01:00:00";
        _factory.Settings["Reconcile:GrantInterval"] = "01:00:00";
    }

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> ReadyAsync(object? departmentExtras = null)
    {
        var op = _factory.Operator();
        await op.PostAsync("/api/v1/clouds/province-x86/reconcile", null).Expect(HttpStatusCode.OK);
        await op.PostAsync("/api/v1/clouds/xinchuang-arm/reconcile", null).Expect(HttpStatusCode.OK);
        await ApiCalls.SeedAsync(op, vcpu: 10_000, memoryGiB: 40_000, departmentExtras);
        return op;
    }

    [Fact]
    public async Task FreshController_NoReconcileAsked_FirstRequestPlacedOnADefaultSandboxCloud()
    {
        // No reconcile and an hour between inventories: the default clouds were inventoried at start,
        // before the controller said it was ready (a fresh controller answered 409 otherwise).
        var op = _factory.Operator();
        await ApiCalls.SeedAsync(op, vcpu: 10_000, memoryGiB: 40_000);

        var created = await op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 4, memoryGiB = 8 } })
            .Expect(HttpStatusCode.Created);

        Assert.Equal("Placed", created.Str("status"));
        var cloud = created["decision"]!["placement"]!["shares"]![0]!.Str("cloudId");
        Assert.Contains(cloud, new[] { "province-x86", "xinchuang-arm" });
        Assert.True((await op.GetAsync($"/api/v1/clouds/{cloud}").Expect(HttpStatusCode.OK))["health"]!["healthy"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Create_XinchuangConstraint_PlacedOnArmCloudAndRoomHeldThere()
    {
        var op = await ReadyAsync();

        var created = await op.Post("/api/v1/allocations", new
        {
            tenant = "health", resources = new { vcpu = 16, memoryGiB = 64 }, constraints = new { xinchuang = "true" },
        }).Expect(HttpStatusCode.Created);

        Assert.Equal("Placed", created.Str("status"));
        Assert.Equal("xinchuang-arm", created["decision"]!["placement"]!["shares"]![0]!.Str("cloudId"));
        var arm = await op.GetAsync("/api/v1/clouds/xinchuang-arm").Expect(HttpStatusCode.OK);
        Assert.Equal(16, arm.Long("reserved.vcpu"));
    }

    [Fact]
    public async Task DryRun_ArchitectureConstraint_ExplainsEveryCloudAndChangesNothing()
    {
        var op = await ReadyAsync();

        var dry = await op.Post("/api/v1/allocations?dryRun=true", new
        {
            tenant = "health", resources = new { vcpu = 8 }, constraints = new { architecture = "aarch64" },
        }).Expect(HttpStatusCode.OK);

        Assert.Equal("Placed", dry.Str("wouldBe"));
        var clouds = dry["decision"]!["placement"]!["clouds"]!.AsArray();
        var x86 = clouds.Single(c => c!.Str("cloudId") == "province-x86")!;
        Assert.Contains(x86["verdicts"]!.AsArray(), v => v!.Str("filter") == "architecture" && !v!["passed"]!.GetValue<bool>());
        Assert.Equal(0, (await op.GetAsync("/api/v1/clouds/xinchuang-arm").Expect(HttpStatusCode.OK)).Long("reserved.vcpu"));
    }

    [Fact]
    public async Task Create_NoCloudCanHoldIt_409WithEveryCloudsVerdictsAndNothingChargedOrRecorded()
    {
        var op = await ReadyAsync();

        var problem = await op.PostWithKey("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 5000 } }, "too-big")
            .ExpectProblem(HttpStatusCode.Conflict);

        Assert.Equal("https://cloudmgmt.dev/problems/unplaceable", problem.Str("type"));
        var verdicts = problem["verdicts"]!.AsArray();
        Assert.Equal(["province-x86", "xinchuang-arm"], verdicts.Select(v => v!.Str("cloud")).Order().ToArray());
        Assert.All(verdicts, v => Assert.Contains(v!["reasons"]!.AsArray(), r => r!.GetValue<string>().StartsWith("capacity: ", StringComparison.Ordinal)));
        Assert.False(problem["placement"]!["placed"]!.GetValue<bool>());
        Assert.Null(problem["allocation"]);
        Assert.Equal(0, (await op.GetAsync("/api/v1/pools/dept").Expect(HttpStatusCode.OK)).Long("reserved.vcpu"));
        Assert.Equal(0, (await op.GetAsync("/api/v1/pools/province").Expect(HttpStatusCode.OK)).Long("reserved.vcpu"));
        Assert.Empty((await op.GetAsync("/api/v1/allocations?tenant=health").Expect(HttpStatusCode.OK))["items"]!.AsArray());
        Assert.Equal(0, (await op.GetAsync("/api/v1/tenants/health").Expect(HttpStatusCode.OK)).Long("allocations"));
        await op.GetAsync("/api/v1/allocations/" + CloudMgmt.Application.Allocations.AllocationIds.For("health", "too-big")).ExpectProblem(HttpStatusCode.NotFound);
        foreach (var cloud in new[] { "province-x86", "xinchuang-arm" })
        {
            Assert.Equal(0, (await op.GetAsync($"/api/v1/clouds/{cloud}").Expect(HttpStatusCode.OK)).Long("reserved.vcpu"));
        }

        // Nothing was recorded under the key: the same request, smaller, is taken with it.
        var later = await op.PostWithKey("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 2 } }, "too-big").Expect(HttpStatusCode.Created);
        Assert.Equal("Placed", later.Str("status"));
    }

    [Fact]
    public async Task Approve_NoCloudCanFollow_409AndTheRequestKeepsWaitingUnchanged()
    {
        var op = await ReadyAsync(new { approvalThreshold = new { vcpu = 4 } });
        var waiting = await op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 8 } }).Expect(HttpStatusCode.Created);
        Assert.Equal("PendingApproval", waiting.Str("status"));
        await op.PostAsync("/api/v1/clouds/province-x86/drain", null).Expect(HttpStatusCode.OK);
        await op.PostAsync("/api/v1/clouds/xinchuang-arm/drain", null).Expect(HttpStatusCode.OK);

        var problem = await op.Post($"/api/v1/allocations/{waiting.Str("id")}/approve", new { reason = "go" }).ExpectProblem(HttpStatusCode.Conflict);

        Assert.Equal("https://cloudmgmt.dev/problems/unplaceable", problem.Str("type"));
        Assert.Equal(2, problem["verdicts"]!.AsArray().Count);
        var after = await op.GetAsync($"/api/v1/allocations/{waiting.Str("id")}").Expect(HttpStatusCode.OK);
        Assert.Equal("PendingApproval", after.Str("status"));
        Assert.Equal(waiting["history"]!.AsArray().Count, after["history"]!.AsArray().Count);
        Assert.Equal(8, (await op.GetAsync("/api/v1/pools/dept").Expect(HttpStatusCode.OK)).Long("reserved.vcpu"));
    }

    private async Task<(HttpClient Op, JsonNode Created)> PlacedAsync()
    {
        var op = await ReadyAsync();
        var created = await op.Post("/api/v1/allocations", new
        {
            tenant = "health", resources = new { vcpu = 16, memoryGiB = 64 }, constraints = new { xinchuang = "true" },
        }).Expect(HttpStatusCode.Created);
        return (op, created);
    }

    [Fact]
    public async Task Create_Get_List_DryRun_SharesAreAPlainMapOfNameToAmount()
    {
        var (op, created) = await PlacedAsync();
        const string expected = """[{"cloudId":"xinchuang-arm","resources":{"memoryGiB":64,"vcpu":16}}]""";

        Assert.Equal(expected, created["decision"]!["placement"]!["shares"]!.ToJsonString());
        var id = created.Str("id");
        var read = await op.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal(expected, read["decision"]!["placement"]!["shares"]!.ToJsonString());
        var dry = await op.Post("/api/v1/allocations?dryRun=true", new
        {
            tenant = "health", resources = new { vcpu = 16, memoryGiB = 64 }, constraints = new { xinchuang = "true" },
        }).Expect(HttpStatusCode.OK);
        Assert.Equal(expected, dry["decision"]!["placement"]!["shares"]!.ToJsonString());
        var list = await op.GetAsync("/api/v1/allocations?tenant=health").Expect(HttpStatusCode.OK);
        Assert.Equal("""{"memoryGiB":64,"vcpu":16}""", list["items"]![0]!["resources"]!.ToJsonString());
    }

    /// <summary>
    /// Every amount in every answer is a plain map of name to amount, never the resource vector type's
    /// members (count, isZero, entries), which placement shares showed. Every GET the served OpenAPI document lists, with its path parameters filled from what exists
    /// (a pool, a tenant, a cloud, a placed allocation), is read as the operator; none may show the
    /// vector type's members.
    /// </summary>
    [Fact]
    public async Task EveryGetInTheDocument_NoAnswerShowsTheVectorTypesMembers()
    {
        var (op, created) = await PlacedAsync();
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = "dept", ["poolId"] = "dept", ["tenantId"] = "health", ["cloudId"] = "xinchuang-arm", ["allocationId"] = created.Str("id"),
        };
        var document = await op.GetAsync("/openapi/v1.json").Expect(HttpStatusCode.OK);
        var read = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (item!["get"] is null || path.StartsWith("/api/v1/audit", StringComparison.Ordinal))
            {
                continue;
            }

            var url = FillIds(path, ids, created.Str("id"));
            using var response = await op.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
            Assert.DoesNotContain("\"isZero\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"entries\"", text, StringComparison.Ordinal);
            read.Add(url);
        }

        Assert.Contains($"/api/v1/allocations/{created.Str("id")}", read);
        Assert.True(read.Count >= 10, "too few answers read: " + string.Join(", ", read));
    }

    private static string FillIds(string path, Dictionary<string, string> ids, string allocation)
    {
        var filled = System.Text.RegularExpressions.Regex.Replace(path, "{([^}]+)}",
            m => path.StartsWith("/api/v1/allocations", StringComparison.Ordinal) ? allocation
                : path.StartsWith("/api/v1/clouds", StringComparison.Ordinal) ? ids["cloudId"]
                : path.StartsWith("/api/v1/tenants", StringComparison.Ordinal) ? ids["tenantId"]
                : ids.GetValueOrDefault(m.Groups[1].Value, "dept"));
        return filled;
    }
}
