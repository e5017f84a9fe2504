using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CloudMgmt.Api.Tests.Infrastructure;

/// <summary>
/// An OpenID Connect issuer on loopback, as the province's identity provider would be: a discovery
/// document and a JWKS with the public half of an RSA key it generates, and tokens signed with it.
/// The controller fetches both over real HTTP and validates with JwtBearer.
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    public const string Audience = "cloudmgmt";
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly WebApplication _app;

    private TestIssuer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
        Key = new RsaSecurityKey(_rsa) { KeyId = "test-key-1" };
    }

    public string Url { get; }

    public RsaSecurityKey Key { get; }

    public static async Task<TestIssuer> StartAsync()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var issuer = new TestIssuer(app, url);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = url,
            ["jwks_uri"] = url + "/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
        }));
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(issuer._rsa.ExportParameters(false)) { KeyId = issuer.Key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        await app.StartAsync();
        return issuer;
    }

    /// <summary>A token as the provider would issue it; every part can be changed to make a bad one.</summary>
    public string Token(
        string subject, IReadOnlyDictionary<string, object> claims, TimeSpan? lifetime = null, string? issuer = null, string? audience = null,
        SecurityKey? signingKey = null, DateTime? issuedAt = null)
    {
        var now = issuedAt ?? DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Url,
            Audience = audience ?? Audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject)]),
            Claims = new Dictionary<string, object>(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(10)),
            SigningCredentials = new SigningCredentials(signingKey ?? Key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A key the provider never published, under the same key id: what a forger would sign with.</summary>
    public static RsaSecurityKey ForgedKey() => new(RSA.Create(2048)) { KeyId = "test-key-1" };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
