using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CloudMgmt.Security.Tests.Clouds;

/// <summary>
/// An operator key trying to make the controller read its own secrets, or the machine's, and send
/// them to a listener of its choosing: every such registration is a 400 naming credentialsRef, with
/// nothing stored, and the listener never receives a secret.
/// </summary>
public sealed class CredentialsReferenceProbeTests(CloudTarget target) : IClassFixture<CloudTarget>
{
    public static TheoryData<string, string> Disallowed()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { "ec2", "openstack", "kubernetes" })
        {
            foreach (var reference in new[]
            {
                "file:/dev/zero", "file:/proc/self/environ", "file:/etc/shadow", "file:leaving", "file:fifo",
                "env:CLOUDMGMT_ADMIN_TOKEN", "env:" + CloudTarget.PlainVariable, "env:" + CloudTarget.OtherVariable,
            })
            {
                data.Add(kind, reference);
            }
        }

        return data;
    }

    private object Registration(string kind, string reference, string id = "probe") => new
    {
        id, kind, region = "cn-north-1", endpoint = kind == "openstack" ? target.Listener.Url + "/v3" : target.Listener.Url,
        allowInsecureEndpoint = true, credentialsRef = reference,
    };

    [Theory]
    [MemberData(nameof(Disallowed))]
    public async Task Register_DisallowedReference_400NamingCredentialsRef_NothingStoredNothingSent(string kind, string reference)
    {
        var problem = await target.RefusesAsync(HttpStatusCode.BadRequest, () => target.Operator.Post("/api/v1/clouds", Registration(kind, reference)));

        AssertNamesTheReferenceOnly(problem);
        Assert.Empty(target.Listener.Received);
        target.AssertListenerGotNoSecret();
    }

    [Theory]
    [InlineData("file:/dev/zero")]
    [InlineData("file:/proc/self/environ")]
    [InlineData("file:fifo")]
    [InlineData("env:CLOUDMGMT_ADMIN_TOKEN")]
    [InlineData("env:" + CloudTarget.OtherVariable)]
    public async Task DryRun_DisallowedReference_400AndNoConnectionTried(string reference)
    {
        var problem = await target.RefusesAsync(HttpStatusCode.BadRequest,
            () => target.Operator.Post("/api/v1/clouds?dryRun=true", Registration("ec2", reference)));

        AssertNamesTheReferenceOnly(problem);
        target.AssertListenerGotNoSecret();
    }

    [Fact]
    public async Task Register_OpenStackOverHttpWithoutTheAllowance_400NamingTheEndpoint()
    {
        var problem = await target.RefusesAsync(HttpStatusCode.BadRequest, () => target.Operator.Post("/api/v1/clouds", new
        {
            id = "plain-http", kind = "openstack", region = "RegionOne", endpoint = target.Listener.Url + "/v3", credentialsRef = "file:attacker-openstack.json",
        }));

        Assert.Equal(["endpoint"], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Update_AnotherCloudsEndpointToTheListener_WithoutNamingItsSecret_Refused()
    {
        var problem = await target.RefusesAsync(HttpStatusCode.BadRequest, () => target.Operator.PatchAsJsonAsync("/api/v1/clouds/other",
            new { endpoint = target.Listener.Url, allowInsecureEndpoint = true }));

        Assert.True(problem["errors"]!.AsObject().ContainsKey("credentialsRef"));
        target.AssertListenerGotNoSecret();
    }

    [Fact]
    public async Task Register_ViewerOrDepartmentKey_Forbidden()
    {
        foreach (var client in new[] { target.Viewer, target.Department })
        {
            await target.RefusesAsync(HttpStatusCode.Forbidden, () => client.Post("/api/v1/clouds", Registration("ec2", "file:attacker-ec2.json")));
        }
    }

    /// <summary>The problem says what is wrong with the reference, and nothing of what is behind it.</summary>
    private static void AssertNamesTheReferenceOnly(JsonNode problem)
    {
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("credentialsRef"), problem.ToJsonString());
        var text = problem.ToJsonString();
        foreach (var hint in new[] { "No such file", "Permission denied", "root:", "PATH=", "does not exist" })
        {
            Assert.DoesNotContain(hint, text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
