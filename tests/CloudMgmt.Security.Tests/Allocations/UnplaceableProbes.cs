using System.Net;
using CloudMgmt.Security.Tests.Infrastructure;

namespace CloudMgmt.Security.Tests.Allocations;

/// <summary>
/// A request no cloud can hold is not a success: a 409 problem with every cloud's verdicts, and
/// nothing charged (pools, clouds' reservations, allocations and tenants as they were).
/// </summary>
public sealed class UnplaceableProbes(UnplaceableProbes.WithCloud target) : IClassFixture<UnplaceableProbes.WithCloud>
{
    /// <summary>The seeded controller with one inventoried sandbox cloud in region anhui.</summary>
    public sealed class WithCloud : ProbeTarget, IAsyncLifetime
    {
        public const string Cloud = "probe-cloud";

        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            await Operator.Post("/api/v1/clouds", new { id = Cloud, kind = "sandbox", region = "anhui" }).Expect(HttpStatusCode.Created);
            await Operator.PostAsync($"/api/v1/clouds/{Cloud}/reconcile", null).Expect(HttpStatusCode.OK);
        }
    }

    [Theory]
    [InlineData("""{"tenant":"health-commission","resources":{"vcpu":2},"constraints":{"region":"tibet"}}""", "region")]
    [InlineData("""{"tenant":"health-commission","resources":{"vcpu":2},"constraints":{"minSecurityLevel":"5"}}""", "securityLevel")]
    public async Task Create_NoCloudCanHoldIt_Is409WithVerdictsAndChargesNothing(string body, string filter)
    {
        var problem = await target.RefusesAsync(HttpStatusCode.Conflict, () => target.SendAsOperator("POST", "/api/v1/allocations", body));

        Assert.Equal("https://cloudmgmt.dev/problems/unplaceable", problem.Str("type"));
        var verdict = Assert.Single(problem["verdicts"]!.AsArray())!;
        Assert.Equal(WithCloud.Cloud, verdict.Str("cloud"));
        Assert.Contains(verdict["reasons"]!.AsArray(), r => r!.GetValue<string>().StartsWith(filter, StringComparison.OrdinalIgnoreCase));
        Assert.Null(problem["allocation"]);
    }

    [Fact]
    public async Task Create_AsTheDepartment_Is409AndChargesNothing()
    {
        var problem = await target.RefusesAsync(HttpStatusCode.Conflict, () => target.Department.Post("/api/v1/allocations", new
        {
            resources = new { vcpu = 1 }, constraints = new { region = "tibet" },
        }));

        Assert.Equal(WithCloud.Cloud, problem["verdicts"]![0]!.Str("cloud"));
    }
}
