using System.Net;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Api.Tests.Auth;

/// <summary>
/// OpenID Connect end to end: the controller validates tokens from an issuer on loopback with
/// JwtBearer (discovery document, JWKS, signature, issuer, audience, lifetime) and maps the claims
/// to a role and a scope; every refused token is a 401 with its record.
/// </summary>
public sealed class OidcApiTests : IAsyncLifetime
{
    private TestIssuer _issuer = null!;
    private ControllerFactory _factory = null!;
    private HttpClient _op = null!;

    public async Task InitializeAsync()
    {
        _issuer = await TestIssuer.StartAsync();
        _factory = new ControllerFactory();
        _factory.Settings["Auth:Oidc:Authority"] = _issuer.Url;
        _factory.Settings["Auth:Oidc:Audience"] = TestIssuer.Audience;
        _factory.Settings["Auth:Oidc:RequireHttpsMetadata"] = "false"; // the issuer is on loopback
        _factory.Settings["Auth:Oidc:RoleValues:cloud-admins"] = "operator";
        _op = _factory.Operator();
        await ApiCalls.SeedAsync(_op); // province > city > dept, tenant health
        await _op.Post("/api/v1/pools", new { id = "county", parent = "city", quota = new { vcpu = 10 } }).Expect(HttpStatusCode.Created);
        await _op.Post("/api/v1/pools", new { id = "wuhu", parent = "province", quota = new { vcpu = 10 } }).Expect(HttpStatusCode.Created);
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _issuer.DisposeAsync();
    }

    private static Dictionary<string, object> Claims(string role, string? pool = null, string? tenant = null)
    {
        var claims = new Dictionary<string, object> { ["cloudmgmt_role"] = role, ["preferred_username"] = "wang.li" };
        if (pool is not null) claims["cloudmgmt_pool"] = pool;
        if (tenant is not null) claims["cloudmgmt_tenant"] = tenant;
        return claims;
    }

    [Fact]
    public async Task ValidToken_ScopedOperator_ActsAsItsRoleWithinItsPoolOnly()
    {
        var user = _factory.WithToken(_issuer.Token("u-1001", Claims("cloud-admins", pool: "city")));

        var made = await user.Post("/api/v1/keys", new { role = "viewer", pool = "county" }).Expect(HttpStatusCode.Created);
        await user.Post("/api/v1/keys", new { role = "viewer", pool = "wuhu" }).ExpectProblem(HttpStatusCode.BadRequest);
        await user.Post("/api/v1/keys", new { role = "viewer" }).ExpectProblem(HttpStatusCode.Forbidden);

        Assert.Equal("oidc:u-1001", made.Str("createdBy"));
        var record = (await AuditRecords.RecordsAsync(_op, "action=key.create")).First(r => r["outcome"]!.GetValue<int>() == 201);
        Assert.Equal("oidc", record["actor"]!.Str("kind"));
        Assert.Equal("u-1001", record["actor"]!.Str("id"));
        Assert.Equal("wang.li", record["actor"]!.Str("name"));
        Assert.Equal("operator", record["actor"]!.Str("role"));
        Assert.Equal("city", record["actor"]!.Str("pool"));
    }

    [Fact]
    public async Task ValidToken_Department_SeesItsTenantOnly()
    {
        await _op.Post("/api/v1/tenants", new { id = "education", pool = "dept" }).Expect(HttpStatusCode.Created);
        var theirs = await _op.Post("/api/v1/allocations", new { tenant = "education", resources = new { vcpu = 1 } }).Expect(HttpStatusCode.Created);
        var user = _factory.WithToken(_issuer.Token("u-2002", Claims("department", tenant: "health")));

        var mine = await user.Post("/api/v1/allocations", new { resources = new { vcpu = 2 } }).Expect(HttpStatusCode.Created);
        var listed = await user.GetAsync("/api/v1/allocations").Expect(HttpStatusCode.OK);

        Assert.Equal("health", mine.Str("tenant"));
        Assert.Equal([mine.Str("id")], listed["items"]!.AsArray().Select(i => i!.Str("id")));
        await user.GetAsync($"/api/v1/allocations/{theirs.Str("id")}").ExpectProblem(HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string> BadTokens() => new()
    {
        { "expired", "the token has expired" },
        { "wrong audience", "another audience" },
        { "wrong issuer", "another issuer" },
        { "wrong signature", "signature" },
        { "no role", "no recognised role" },
        { "department without tenant", "tenant" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadToken_Refused401_AndRecordedWithTheReason(string bad, string reason)
    {
        var token = bad switch
        {
            "expired" => _issuer.Token("u-1", Claims("operator"), lifetime: TimeSpan.FromMinutes(5), issuedAt: DateTime.UtcNow.AddHours(-1)),
            "wrong audience" => _issuer.Token("u-1", Claims("operator"), audience: "another-app"),
            "wrong issuer" => _issuer.Token("u-1", Claims("operator"), issuer: "https://idp.elsewhere.example"),
            "wrong signature" => _issuer.Token("u-1", Claims("operator"), signingKey: TestIssuer.ForgedKey()),
            "no role" => _issuer.Token("u-1", Claims("auditor")),
            "department without tenant" => _issuer.Token("u-1", Claims("department")),
            _ => throw new ArgumentOutOfRangeException(nameof(bad)),
        };
        var mark = await AuditRecords.MarkAsync(_op);

        var problem = await _factory.WithToken(token).GetAsync("/api/v1/pools").ExpectProblem(HttpStatusCode.Unauthorized);

        var records = await AuditRecords.SinceAsync(_op, mark);
        var record = Assert.Single(records);
        Assert.Equal("auth.refused", record.Str("action"));
        Assert.Equal("oidc", record["actor"]!.Str("kind"));
        Assert.Contains(reason, record.Str("detail"));
        Assert.DoesNotContain(token, record.ToJsonString());
        Assert.DoesNotContain(token, problem.ToJsonString());
    }
}
