using System.Net;
using System.Text.Json.Nodes;

namespace CloudMgmt.Security.Tests.Clouds;

/// <summary>
/// Clouds the attacker may legitimately register (its own credentials, its own endpoint, http
/// allowed explicitly) that answer every call with a 403 and a 3 KB page: the page never reaches a
/// health detail, every detail is short, departments and viewers see no endpoint, reference or
/// settings, and the listener receives the attacker's own credentials only, never the controller's secrets.
/// </summary>
public sealed class RemoteAnswerProbeTests(CloudTarget target) : IClassFixture<CloudTarget>
{
    [Fact]
    public async Task Reconcile_CloudsAnsweringWithAPage_ShortDetailsNoPageNoSecretAndNoConnectionShownToOthers()
    {
        var op = target.Operator;
        foreach (var (id, kind, reference) in new[]
        {
            ("hostile-ec2", "ec2", "file:attacker-ec2.json"),
            ("hostile-openstack", "openstack", "file:attacker-openstack.json"),
            ("hostile-k8s", "kubernetes", "file:attacker.kubeconfig"),
        })
        {
            await op.Post("/api/v1/clouds", new
            {
                id, kind, region = "cn-north-1", credentialsRef = reference, allowInsecureEndpoint = true,
                endpoint = kind switch { "openstack" => target.Listener.Url + "/v3", "ec2" => target.Listener.Url, _ => null },
            }).Expect(HttpStatusCode.Created);
        }

        var dryRun = await op.Post("/api/v1/clouds?dryRun=true", new
        {
            id = "hostile-try", kind = "openstack", region = "RegionOne", endpoint = target.Listener.Url + "/v3", allowInsecureEndpoint = true,
            credentialsRef = "file:attacker-openstack-try.json",
        }).Expect(HttpStatusCode.OK);
        await op.PostAsync("/api/v1/reconcile", null).Expect(HttpStatusCode.OK);

        Assert.Equal("access denied (HTTP 403)", dryRun["connection"]!.Str("detail"));
        Assert.False(dryRun["stored"]!.GetValue<bool>());
        var views = new Dictionary<string, JsonArray>
        {
            ["operator"] = (await op.GetAsync("/api/v1/clouds").Expect(HttpStatusCode.OK)).AsArray(),
            ["department"] = (await target.Department.GetAsync("/api/v1/clouds").Expect(HttpStatusCode.OK)).AsArray(),
            ["viewer"] = (await target.Viewer.GetAsync("/api/v1/clouds").Expect(HttpStatusCode.OK)).AsArray(),
        };
        foreach (var (role, clouds) in views)
        {
            foreach (var cloud in clouds.Where(c => c!.Str("id").StartsWith("hostile-", StringComparison.Ordinal)))
            {
                var detail = cloud!["health"]!.Str("detail");
                Assert.False(cloud["health"]!["healthy"]!.GetValue<bool>(), $"{role}: {cloud.ToJsonString()}");
                Assert.True(detail.Length <= 300, $"{role}: a detail of {detail.Length} characters");
                Assert.DoesNotContain(LoopbackListener.PageMarker, detail, StringComparison.Ordinal);
                Assert.DoesNotContain("<", detail, StringComparison.Ordinal);
                if (role != "operator")
                {
                    Assert.Null(cloud["endpoint"]);
                    Assert.Null(cloud["credentialsRef"]);
                    Assert.Null(cloud["settings"]);
                    Assert.DoesNotContain("127.0.0.1", cloud.ToJsonString(), StringComparison.Ordinal);
                }
            }
        }

        Assert.Contains(views["operator"], c => c!.Str("id") == "hostile-k8s" && c!["health"]!.Str("detail") == "access denied (HTTP 403)");
        Assert.DoesNotContain(LoopbackListener.PageMarker, dryRun.ToJsonString(), StringComparison.Ordinal);
        Assert.NotEmpty(target.Listener.Received); // the listener was called: the hostile clouds are real
        target.AssertListenerGotNoSecret();
        target.Secrets.AssertAbsent(target.Controller.Log, "the controller's log");
    }
}
