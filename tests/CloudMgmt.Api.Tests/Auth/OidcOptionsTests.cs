using CloudMgmt.Host.Auth.Oidc;

namespace CloudMgmt.Api.Tests.Auth;

public sealed class OidcOptionsTests
{
    [Fact]
    public void Validate_Unset_OidcOffAndValid() => Assert.True(new OidcOptionsValidator().Validate(null, new OidcOptions()).Succeeded);

    [Fact]
    public void Validate_LoopbackHttpWithHttpsOff_Valid() =>
        Assert.True(new OidcOptionsValidator().Validate(null, new OidcOptions
        {
            Authority = "http://127.0.0.1:8443/realms/gov", Audience = "cloudmgmt", RequireHttpsMetadata = false,
        }).Succeeded);

    [Fact]
    public void Validate_EveryMistake_ReportedTogetherNamingTheSetting()
    {
        var result = new OidcOptionsValidator().Validate(null, new OidcOptions
        {
            Authority = "http://idp.gov.example/realms/gov",
            RequireHttpsMetadata = false,
            RoleValues = { ["cloud-admins"] = "admin" },
        });

        Assert.True(result.Failed);
        Assert.Equal(3, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("Auth:Oidc:RequireHttpsMetadata", StringComparison.Ordinal) && f.Contains("loopback", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Auth:Oidc:Audience", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Auth:Oidc:RoleValues:cloud-admins", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_HttpAuthorityWithHttpsRequired_Refused() =>
        Assert.Contains("must use https", new OidcOptionsValidator().Validate(null, new OidcOptions
        {
            Authority = "http://127.0.0.1/realms/gov", Audience = "cloudmgmt",
        }).FailureMessage);
}
