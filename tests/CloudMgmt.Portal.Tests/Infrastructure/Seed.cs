using System.Net;
using CloudMgmt.Domain.Elastic;
using CloudMgmt.Domain.Metering;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Allocations;
using CloudMgmt.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CloudMgmt.Portal.Tests.Infrastructure;

/// <summary>What the efficiency tests need in the real controller: metered hours written to its usage store, and a grant the elastic policy marked idle.</summary>
public static class Seed
{
    public const string Cloud = "bunit-x86";

    /// <summary>The sandbox cloud the tests place on, registered and inventoried once.</summary>
    public static async Task CloudAsync(ConsoleApp app)
    {
        if ((await app.Operator.GetAsync($"/api/v1/clouds/{Cloud}")).StatusCode == HttpStatusCode.NotFound)
        {
            await app.Operator.Post("/api/v1/clouds", new { id = Cloud, kind = "sandbox", region = "anhui", labels = new { architecture = "x86_64", securityLevel = "3" } })
                .Expect(HttpStatusCode.Created);
        }

        await app.Operator.Post($"/api/v1/clouds/{Cloud}/reconcile", new { }).Expect(HttpStatusCode.OK);
    }

    /// <summary>
    /// Two closed hours (three and two hours ago) of a grant of <paramref name="tenant"/> in
    /// <paramref name="pool"/>: <paramref name="vcpu"/> granted, <paramref name="used"/> used, as the meter writes them.
    /// </summary>
    public static async Task UsageAsync(ConsoleApp app, string allocationId, string tenant, string pool, long vcpu, long used)
    {
        var store = app.Controller.Services.GetRequiredService<IUsageStore>();
        var grant = MeteredGrant.Of(Cloud, allocationId, tenant, pool);
        var now = MeteringCalendar.HourOf(DateTimeOffset.UtcNow);
        var calendar = MeteringCalendar.China;
        var closed = new[] { now - 3, now - 2 }.Select(hour =>
        {
            var totals = new MeterTotals();
            totals.AddStep(ResourceVector.Of(("vcpu", vcpu)), ResourceVector.Of(("vcpu", used)), MeteringCalendar.MsPerHour);
            return new ClosedGrantHour(grant, hour, calendar.DayOf(hour), calendar.MonthOf(hour), totals, false, used * 1_000_000 / vcpu);
        }).ToList();
        await store.WriteAsync(new UsageWrite(now - 1, [grant], closed, []));
    }

    /// <summary>A Ready allocation of the clinic, then marked idle by the elastic pass's own command: idle for an hour, due for reclaim in <paramref name="reclaimIn"/>.</summary>
    public static async Task<string> IdleGrantAsync(ConsoleApp app, TimeSpan reclaimIn)
    {
        await CloudAsync(app);
        var created = await app.Operator.Post("/api/v1/allocations", new { tenant = ConsoleApp.Clinic, resources = new { vcpu = 2, memoryGiB = 4 } })
            .Expect(HttpStatusCode.Created);
        var id = created.Str("id");
        await Polling.UntilAsync(
            async () =>
            {
                await app.Operator.Post($"/api/v1/clouds/{Cloud}/reconcile", new { }).Expect(HttpStatusCode.OK);
                return await app.Operator.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK);
            },
            a => a.Str("status") == "Ready", TimeSpan.FromSeconds(30));
        var now = DateTimeOffset.UtcNow;
        var marked = await app.Controller.Services.GetRequiredService<IGrainFactory>().GetGrain<IAllocationGrain>(id)
            .ApplyElastic(new ElasticCommand(ElasticAction.MarkIdle, "elastic idle: usage ≤ 0.05 for 30m", IdleSince: now.AddHours(-1), ReclaimAt: now + reclaimIn));
        Assert.Equal(ElasticApplied.MarkedIdle, marked.Applied);
        return id;
    }
}
