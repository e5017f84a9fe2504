using System.Net;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Api.Tests.Elastic;

/// <summary>The elastic pass as the controller runs it: on its Quartz schedule, and described in the OpenAPI document.</summary>
[Collection(ElasticCollection.Name)]
public sealed class ScheduleApiTests : IDisposable
{
    // A ticking clock: Quartz schedules on the controller's clock, and one that only moves when the
    // test moves it would leave the 200 ms trigger waiting (see ManualClock).
    private readonly ElasticHarness _h = new() { ElasticInterval = "00:00:00.200", Clock = new ManualClock(ElasticHarness.Start, ticking: true) };

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Schedule_ElasticInterval_RunsThePassWithoutBeingAsked()
    {
        await _h.StartAsync();
        var id = await _h.ReadyAllocationAsync(8, 32, usage: 0.9);

        await _h.MinutesAsync(6, runPass: false); // usage samples only; the scheduled pass does the rest
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var vcpu = 8L;
        while (vcpu == 8 && DateTime.UtcNow < deadline)
        {
            vcpu = (await _h.GetAsync(id)).Long("resources.vcpu");
            await Task.Delay(100); // polling a real scheduler, with a deadline
        }

        // On a miss, say what the allocation went through: the scheduled pass runs on real time.
        Assert.True(vcpu == 10, $"expected the scheduled pass to grow vcpu 8 -> 10 within 20 s; it is {vcpu}. Allocation: {await _h.GetAsync(id)}");
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheElasticEndpointsAndFields()
    {
        await _h.StartAsync();

        var document = (await _h.Op.GetAsync("/openapi/v1.json").Expect(HttpStatusCode.OK)).ToJsonString();

        Assert.All(
            ["/api/v1/allocations/{id}/protect", "/api/v1/allocations/{id}/postpone", "/api/v1/events", "\"idleSince\"", "\"reclaimAt\"", "\"pendingGrow\""],
            part => Assert.Contains(part, document, StringComparison.Ordinal));
    }
}
