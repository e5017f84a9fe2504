using System.Net;
using System.Text;
using CloudMgmt.Adapters.OpenStack.Http;
using CloudMgmt.Adapters.OpenStack.Identity;
using CloudMgmt.Adapters.OpenStack.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CloudMgmt.Adapters.OpenStack.Tests.Unit;

/// <summary>Where an OpenStack cloud's password and tokens may go, checked without a peer.</summary>
public sealed class RegistrationTests
{
    private const string Variable = "CLOUDMGMT_CLOUD_TEST_OPENSTACK_UNIT";

    public RegistrationTests() =>
        Environment.SetEnvironmentVariable(Variable, """{"username":"admin","password":"unit-pw-4417","projectName":"admin"}""");

    private static CloudConnection Connection(string endpoint, bool allowInsecure, Dictionary<string, string>? settings = null) =>
        new("gov-openstack", "openstack", endpoint, "RegionOne", "env:" + Variable, settings ?? []) { AllowInsecureEndpoint = allowInsecure };

    [Fact]
    public void Validate_HttpKeystone_RefusedWithoutAllowInsecureEndpoint_AcceptedWithIt()
    {
        var refused = OpenStackTestAdapters.Factory().Validate(Connection("http://127.0.0.1:5000/v3", allowInsecure: false));
        var allowed = OpenStackTestAdapters.Factory().Validate(Connection("http://127.0.0.1:5000/v3", allowInsecure: true));

        var problem = Assert.Single(refused);
        Assert.Equal("endpoint", problem.Field);
        Assert.Contains("must be https", problem.Message, StringComparison.Ordinal);
        Assert.Empty(allowed);
    }

    [Fact]
    public void Validate_EverySettingAtOnce_EachUnderItsPath()
    {
        var problems = OpenStackTestAdapters.Factory().Validate(Connection("https://keystone.gov.example/v3", allowInsecure: false, new()
        {
            ["interface"] = "private", ["computeEndpoint"] = "http://nova.gov.example", ["requestTimeoutSeconds"] = "-1",
            ["traitLabels"] = "CUSTOM_X", ["flavour"] = "m1.small",
        }));

        Assert.Equal(
            ["settings.computeEndpoint", "settings.flavour", "settings.interface", "settings.requestTimeoutSeconds", "settings.traitLabels"],
            problems.Select(p => p.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_EndpointWithAPasswordInIt_Refused()
    {
        var problems = OpenStackTestAdapters.Factory().Validate(Connection("https://admin:pw@keystone.gov.example/v3", allowInsecure: false));

        Assert.Contains(problems, p => p.Field == "endpoint" && p.Message.Contains("user name or password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Authenticate_VersionListPointsToHttp_RefusedBeforeThePasswordIsSent()
    {
        var handler = new Recorder("""{"versions":{"values":[{"id":"v3.14","links":[{"rel":"self","href":"http://collector.example/v3/"}]}]}}""");
        var credentials = OpenStackCredentials.Parse(Environment.GetEnvironmentVariable(Variable)!).Unwrap();
        var keystone = new KeystoneAuthenticator(new HttpClient(handler), "https://keystone.gov.example", credentials, allowInsecure: false, new FakeTimeProvider());

        var token = await keystone.GetAsync(forceRenew: false, default);

        Assert.Equal(AdapterErrorKind.Invalid, token.Error?.Kind);
        Assert.Contains("keystone's v3 link must be https", token.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(["GET https://keystone.gov.example/"], handler.Requests);
    }

    [Fact]
    public void HealthReason_Of403WithAnHtmlPage_IsTheStatusOnly()
    {
        var page = "<html><body>" + new string('x', 3000) + " secret-looking-marker</body></html>";
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent(page) };

        var error = OpenStackErrors.FromResponse("keystone", response, page, new FakeTimeProvider());

        Assert.Equal("access denied (HTTP 403)", HealthReason.Of(error));
        Assert.True(error.Message.Length < 400, "the logged message is bounded");
    }

    private sealed class Recorder(string versions) : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add($"{request.Method} {request.RequestUri}");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.MultipleChoices)
            {
                Content = new StringContent(versions, Encoding.UTF8, "application/json"),
            });
        }
    }
}
