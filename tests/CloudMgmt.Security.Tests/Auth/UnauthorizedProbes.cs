using System.Net;
using CloudMgmt.Grains.Tests.Infrastructure;
using CloudMgmt.Security.Tests.Infrastructure;

namespace CloudMgmt.Security.Tests.Auth;

/// <summary>
/// A 401 says how to authenticate (RFC 6750's WWW-Authenticate: Bearer), not where the controller
/// keeps its own token; a refused token is logged with its address and key id, never itself.
/// </summary>
public sealed class UnauthorizedProbes(ProbeTarget target) : IClassFixture<ProbeTarget>
{
    [Fact]
    public async Task NoToken_Is401_WithBearerChallenge_AndNoWordOfTheTokenFile()
    {
        HttpResponseMessage? answer = null;
        var problem = await target.RefusesAsync(HttpStatusCode.Unauthorized, async () => answer = await target.Anonymous.GetAsync("/api/v1/pools"));

        Assert.Equal("Bearer", Assert.Single(answer!.Headers.WwwAuthenticate).ToString());
        AssertNoTokenLocation(problem.ToJsonString());
    }

    [Fact]
    public async Task WrongToken_Is401_WithInvalidTokenChallenge()
    {
        using var client = target.Client("cmk_" + new string('a', 43));
        HttpResponseMessage? answer = null;
        var problem = await target.RefusesAsync(HttpStatusCode.Unauthorized, async () => answer = await client.GetAsync("/api/v1/pools"));

        var challenge = Assert.Single(answer!.Headers.WwwAuthenticate);
        Assert.Equal(("Bearer", "error=\"invalid_token\""), (challenge.Scheme, challenge.Parameter));
        AssertNoTokenLocation(problem.ToJsonString());
    }

    [Fact]
    public async Task RevokedKey_Is401_LoggedWithAddressAndKeyId_NeverTheToken()
    {
        const string from = "127.0.0.3"; // its own address: the log writes one line a minute per address
        var issued = await target.Operator.Post("/api/v1/keys", new { role = "viewer", name = "revoked-probe" }).Expect(HttpStatusCode.Created);
        var (token, id) = (target.Secrets.Add(issued.Str("token")), issued.Str("id"));
        using (var revoke = await target.Operator.DeleteAsync($"/api/v1/keys/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using var revoked = target.Client(token, from);

        await target.RefusesAsync(HttpStatusCode.Unauthorized, () => revoked.GetAsync("/api/v1/pools"));

        var line = $"Authentication failed from {from}: the API key is revoked (credential: key, key: {id})";
        var log = await Eventually.WaitUntilAsync(() => Task.FromResult(target.Controller.Log), l => l.Contains(line, StringComparison.Ordinal));
        Assert.Contains(line, log, StringComparison.Ordinal);
        Assert.DoesNotContain(token, log, StringComparison.Ordinal);
    }

    private static void AssertNoTokenLocation(string body)
    {
        foreach (var hint in new[] { "admin-token", "CLOUDMGMT_ADMIN_TOKEN", "data-dir" })
        {
            Assert.DoesNotContain(hint, body, StringComparison.OrdinalIgnoreCase);
        }
    }
}
