using CloudMgmt.Client.Models;
using CloudMgmt.Client.Problems;
using CloudMgmt.Client.Tests.Infrastructure;

namespace CloudMgmt.Client.Tests;

/// <summary>Each kind of problem the API answers with arrives as its own exception type, with the problem's fields.</summary>
[Collection(ControllerCollection.Name)]
public sealed class ProblemTests(ControllerFixture fixture)
{
    private readonly CloudMgmtClient _cm = fixture.Operator;

    [Fact]
    public async Task Get_MissingPool_ThrowsNotFoundWithTheServersDetail()
    {
        var e = await Assert.ThrowsAsync<NotFoundException>(() => _cm.Pools.GetAsync("no-such-pool"));
        Assert.Equal(404, e.Status);
        Assert.Equal("Not found", e.Problem.Title);
        Assert.Contains("no-such-pool", e.Problem.Detail);
    }

    [Fact]
    public async Task Create_InvalidFields_ThrowsInvalidRequestNamingEveryField()
    {
        var e = await Assert.ThrowsAsync<InvalidRequestException>(() => _cm.Pools.CreateAsync(
            new NewPool { Id = "Not Valid!", Quota = new Dictionary<string, long> { ["vcpu"] = -1 } }));

        Assert.Equal(400, e.Status);
        Assert.Equal(["id", "quota.vcpu"], e.Problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(e.Field, e.Problem.Errors.Keys); // the first of them
    }

    [Fact]
    public async Task Request_AboveQuota_ThrowsQuotaExceededWithShortfallsAndField()
    {
        var (tenant, pool) = await TenantAsync(vcpu: 4);

        var e = await Assert.ThrowsAsync<QuotaExceededException>(() => _cm.Allocations.RequestAsync(
            new NewAllocation { Tenant = tenant, Resources = new Dictionary<string, long> { ["vcpu"] = 10 } }));

        Assert.Equal(409, e.Status);
        Assert.Equal("resources", e.Field);
        var shortfall = Assert.Single(e.Shortfalls);
        Assert.Equal(new Shortfall(pool, "vcpu", 10, 4, 6), shortfall);
        Assert.IsAssignableFrom<ConflictException>(e);
    }

    [Fact]
    public async Task Create_ExistingPool_ThrowsConflict()
    {
        var pool = Ids.New("dup");
        await _cm.Pools.CreateAsync(new NewPool { Id = pool, Quota = new Dictionary<string, long> { ["vcpu"] = 1 } });

        var e = await Assert.ThrowsAsync<ConflictException>(() => _cm.Pools.CreateAsync(new NewPool { Id = pool, Quota = new Dictionary<string, long> { ["vcpu"] = 1 } }));

        Assert.Equal(409, e.Status);
        Assert.Empty(e.Problem.Shortfalls);
    }

    [Fact]
    public async Task AnyCall_WrongToken_ThrowsNotAuthorized()
    {
        using var stranger = fixture.Client("not-a-key");

        var e = await Assert.ThrowsAsync<NotAuthorizedException>(() => stranger.Pools.ListAsync());

        Assert.Equal(401, e.Status);
        Assert.DoesNotContain("not-a-key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperatorCall_WithADepartmentKey_ThrowsNotAuthorized()
    {
        var (tenant, _) = await TenantAsync(vcpu: 4);
        var key = await _cm.Keys.CreateAsync(new NewApiKey { Role = ApiKeyRoles.Department, Tenant = tenant });
        using var department = fixture.Client(key.Token);

        var e = await Assert.ThrowsAsync<NotAuthorizedException>(() => department.Pools.CreateAsync(
            new NewPool { Id = Ids.New("p"), Quota = new Dictionary<string, long> { ["vcpu"] = 1 } }));

        Assert.Equal(403, e.Status);
    }

    private async Task<(string Tenant, string Pool)> TenantAsync(long vcpu)
    {
        var pool = Ids.New("pool");
        var tenant = Ids.New("t");
        await _cm.Pools.CreateAsync(new NewPool { Id = pool, Quota = new Dictionary<string, long> { ["vcpu"] = vcpu } });
        await _cm.Tenants.CreateAsync(new NewTenant { Id = tenant, Pool = pool });
        return (tenant, pool);
    }
}
