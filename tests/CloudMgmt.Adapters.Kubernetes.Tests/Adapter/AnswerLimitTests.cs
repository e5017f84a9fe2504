using CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;
using static CloudMgmt.Testing.EndlessAnswerServer;

namespace CloudMgmt.Adapters.Kubernetes.Tests.Adapter;

/// <summary>
/// An API server that answers with a body that never ends: the client stops reading at the cap
/// (here 1 MiB, so the test is quick; 64 MiB in the controller), whether the body is chunked or
/// announces its length, and the call fails with a short reason that is not retried.
/// </summary>
public sealed class AnswerLimitTests
{
    private const long Cap = 1024 * 1024;
    private const long Offer = 64 * Cap;

    [Theory]
    [InlineData(Framing.Chunked)]
    [InlineData(Framing.ContentLength)]
    public async Task DescribeCapacity_EndlessNodeList_StopsAtTheCapWithAShortReason(Framing framing)
    {
        // An open string value: a JSON reader must buffer all of it before it can hand anything on.
        await using var server = new EndlessAnswerServer("""{"kind":"NodeList","apiVersion":"v1","metadata":{"continue":" """, Offer, framing);
        using var kubeconfig = new Kubeconfig(new Uri(server.Url), "token-of-the-test");
        var factory = new KubernetesAdapterFactory(TimeProvider.System, kubeconfig.Credentials) { MaxAnswerBytes = Cap };
        var adapter = factory.Create(new CloudConnection("hostile", KubernetesAdapter.KindName, null, "anhui", kubeconfig.CredentialsRef,
            new Dictionary<string, string> { ["context"] = Kubeconfig.Context }) { AllowInsecureEndpoint = true });

        using var owned = adapter as IDisposable;
        var result = await adapter.DescribeCapacityAsync(default);

        server.AssertCutOff(result.Error, capMiB: 1);
    }
}
