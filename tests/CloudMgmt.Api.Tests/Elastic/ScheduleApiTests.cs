using System.Collections.Concurrent;
using System.Net;
using CloudMgmt.Api.Tests.Infrastructure;
using CloudMgmt.Reconciliation.Elastic;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

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
        // Barrier: a scheduled elastic pass that starts from now on sees every sample above.
        var nextPass = new NextRunOf(ElasticJob.Key);
        var scheduler = await _h.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        scheduler.ListenerManager.AddJobListener(nextPass);
        await nextPass.Finished.WaitAsync(TimeSpan.FromSeconds(20));

        var allocation = await _h.GetAsync(id);
        Assert.True(allocation.Long("resources.vcpu") == 10, $"expected the scheduled pass to grow vcpu 8 -> 10. Allocation: {allocation}");
    }

    /// <summary>Completes when a run of the job that started after this listener was added has finished.</summary>
    private sealed class NextRunOf(JobKey job) : IJobListener
    {
        private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentDictionary<string, bool> _started = new();

        public Task Finished => _finished.Task;

        public string Name => "next-run-of-" + job;

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            if (context.JobDetail.Key.Equals(job))
            {
                _started[context.FireInstanceId] = true;
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (_started.ContainsKey(context.FireInstanceId))
            {
                _finished.TrySetResult();
            }

            return ValueTask.CompletedTask;
        }
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
