using CloudMgmt.Adapters.Ec2.Tests.Fake;
using static CloudMgmt.Testing.EndlessAnswerServer;

namespace CloudMgmt.Adapters.Ec2.Tests;

/// <summary>
/// An EC2 endpoint that answers with a body that never ends: the SDK's HTTP client stops at the cap
/// (here 1 MiB; 64 MiB in the controller), chunked or with a Content-Length, and the call fails with
/// a short reason that is not retried, instead of the SDK reading on into memory.
/// </summary>
public sealed class AnswerLimitTests(FakeEc2Fixture fixture) : IClassFixture<FakeEc2Fixture>
{
    private const long Cap = 1024 * 1024;
    private const long Offer = 64 * Cap;

    [Theory]
    [InlineData(Framing.Chunked)]
    [InlineData(Framing.ContentLength)]
    public async Task ListGrants_EndlessReservationList_StopsAtTheCapWithAShortReason(Framing framing)
    {
        // An element whose text does not end: the XML reader must take all of it in as one value.
        await using var server = new EndlessAnswerServer(
            """<?xml version="1.0" encoding="UTF-8"?><DescribeCapacityReservationsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>""",
            Offer, framing, contentType: "text/xml;charset=UTF-8");
        var factory = new Ec2AdapterFactory(TimeProvider.System, fixture.Credentials) { MaxAnswerBytes = Cap };
        var adapter = factory.Create(fixture.Connection(endpoint: server.Url));

        using var owned = adapter as IDisposable;
        var result = await adapter.ListGrantsAsync(default);

        server.AssertCutOff(result.Error, capMiB: 1);
    }
}
