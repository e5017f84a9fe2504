using System.Net;
using System.Security.Cryptography;
using System.Text;
using CloudMgmt.Api.Tests.Infrastructure;
using CloudMgmt.Application.Allocations;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Allocations;
using Microsoft.Extensions.DependencyInjection;

namespace CloudMgmt.Api.Tests.Clouds;

/// <summary>
/// Constraint values people naturally type: arm64 is aarch64, amd64 is x86_64, whatever the case; an
/// architecture no one knows is a 400 naming the field and the name it most likely meant.
/// </summary>
public sealed class ConstraintApiTests : IDisposable
{
    private readonly ControllerFactory _factory = new()
    {
        Settings = { ["Sandbox:RegisterDefaults"] = "true", ["Reconcile:InventoryInterval"] = "01:00:00", ["Reconcile:GrantInterval"] = "01:00:00" },
    };

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> ReadyAsync()
    {
        var op = _factory.Operator();
        await op.PostAsync("/api/v1/reconcile", null).Expect(HttpStatusCode.OK);
        await ApiCalls.SeedAsync(op, vcpu: 10_000, memoryGiB: 40_000);
        return op;
    }

    [Theory]
    [InlineData("arm64", "aarch64", "xinchuang-arm")]
    [InlineData("ARM64", "aarch64", "xinchuang-arm")]
    [InlineData("amd64", "x86_64", "province-x86")]
    [InlineData("X86_64", "x86_64", "province-x86")]
    public async Task Create_ArchitectureByAnyOfItsNames_PlacedOnThatCloudAndKeptByItsCanonicalName(string asked, string kept, string cloud)
    {
        var op = await ReadyAsync();

        var created = await op.Post("/api/v1/allocations", new
        {
            tenant = "health", resources = new { vcpu = 2 }, constraints = new { architecture = asked },
        }).Expect(HttpStatusCode.Created);

        Assert.Equal("Placed", created.Str("status"));
        Assert.Equal(cloud, created["decision"]!["placement"]!["shares"]![0]!.Str("cloudId"));
        Assert.Equal(kept, created["constraints"]!.Str("architecture"));
    }

    [Theory]
    [InlineData("arm", "did you mean 'aarch64'?")]
    [InlineData("intel", "did you mean 'x86_64'?")]
    [InlineData("sparc", "Known: x86_64 (amd64")]
    public async Task Create_UnknownArchitecture_400NamingTheFieldAndTheKnownName(string asked, string said)
    {
        var op = await ReadyAsync();

        var problem = await op.Post("/api/v1/allocations", new
        {
            tenant = "health", resources = new { vcpu = 2 }, constraints = new { architecture = asked },
        }).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal("constraints.architecture", problem.Str("field"));
        Assert.Contains(said, problem["errors"]!["constraints.architecture"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await op.GetAsync("/api/v1/allocations?tenant=health").Expect(HttpStatusCode.OK))["items"]!.AsArray());
    }

    [Fact]
    public async Task Retry_OtherSpellingOfTheSameArchitecture_IsTheSameRequest()
    {
        var op = await ReadyAsync();
        var body = (string arch) => new { tenant = "health", resources = new { vcpu = 2 }, constraints = new { architecture = arch } };
        var first = await op.PostWithKey("/api/v1/allocations", body("arm64"), "order-1").Expect(HttpStatusCode.Created);

        using var again = await op.PostWithKey("/api/v1/allocations", body("AArch64"), "order-1");

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(2, (await op.GetAsync("/api/v1/pools/dept").Expect(HttpStatusCode.OK)).Long("reserved.vcpu"));
        Assert.Equal(first.Str("id"), System.Text.Json.Nodes.JsonNode.Parse(await again.Content.ReadAsStringAsync())!.Str("id"));
    }

    /// <summary>
    /// A request recorded before names were normalised holds the digest of its body as sent (here
    /// written as that version did, constraints unchanged); its retry, now normalised, must still be
    /// a replay, not "this key was used for a different request".
    /// </summary>
    [Fact]
    public async Task Retry_OfARequestRecordedBeforeNormalising_IsAReplay()
    {
        var op = await ReadyAsync();
        var constraints = new Dictionary<string, string> { ["architecture"] = "arm64" };
        var resources = ResourceVector.Of(("vcpu", 2));
        var id = AllocationIds.For("health", "old-order");
        var before = await _factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IAllocationGrain>(id)
            .Submit(new AllocationRequest("health", resources, constraints, 0, FormerDigest("health", resources.ToString(), constraints, 0), "key:old"));
        Assert.True(before.Succeeded, before.Failure?.Detail);

        using var retry = await op.PostWithKey("/api/v1/allocations",
            new { tenant = "health", resources = new { vcpu = 2 }, constraints = new { architecture = "arm64" } }, "old-order");

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(2, (await op.GetAsync("/api/v1/pools/dept").Expect(HttpStatusCode.OK)).Long("reserved.vcpu"));
    }

    /// <summary>The request digest as the controller made it before constraint names were normalised (frozen here on purpose).</summary>
    private static string FormerDigest(string tenant, string resources, Dictionary<string, string> constraints, int priority)
    {
        var text = new StringBuilder().Append(tenant).Append('\n').Append(resources).Append('\n').Append(priority);
        foreach (var (k, v) in constraints.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append(k).Append('=').Append(v);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
