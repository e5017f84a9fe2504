using CloudMgmt.Adapters.OpenStack.Tests.Infrastructure;
using static CloudMgmt.Testing.EndlessAnswerServer;

namespace CloudMgmt.Adapters.OpenStack.Tests.Unit;

/// <summary>
/// A Keystone endpoint that answers with a body that never ends: the adapter stops reading at the
/// cap (here 1 MiB, so the test is quick; 64 MiB in the controller), chunked or with a
/// Content-Length, and the call fails with a short reason that is not retried, instead of the
/// answer being buffered into memory.
/// </summary>
public sealed class AnswerLimitTests
{
    private const long Cap = 1024 * 1024;
    private const long Offer = 64 * Cap;
    private const string Variable = "CLOUDMGMT_CLOUD_TEST_OPENSTACK_ANSWER_LIMIT";

    [Theory]
    [InlineData(Framing.Chunked)]
    [InlineData(Framing.ContentLength)]
    public async Task DescribeCapacity_EndlessTokenAnswer_StopsAtTheCapWithAShortReason(Framing framing)
    {
        Environment.SetEnvironmentVariable(Variable, """{"username":"admin","password":"unit-pw-9152","projectName":"admin"}""");
        // An open string value: the JSON reader would have to take all of it in before it could give up.
        await using var server = new EndlessAnswerServer("""{"token":{"methods":["password"],"user":{"name":" """, Offer, framing);
        var factory = new OpenStackAdapterFactory(TimeProvider.System, OpenStackTestAdapters.Credentials) { MaxAnswerBytes = Cap };
        var adapter = factory.Create(OpenStackTestAdapters.Connection("hostile", server.Url + "/v3", "env:" + Variable,
            new Dictionary<string, string> { ["requestTimeoutSeconds"] = "60" }));

        using var owned = adapter as IDisposable;
        var result = await adapter.DescribeCapacityAsync(default);

        server.AssertCutOff(result.Error, capMiB: 1);
    }
}
