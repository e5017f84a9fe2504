using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Api.Tests.Infrastructure;
using CloudMgmt.Grains.Usage;
using Microsoft.Extensions.DependencyInjection;

namespace CloudMgmt.Api.Tests.Elastic;

/// <summary>
/// Idle marking and reclaim through the API on a fake clock (policy: idle at 0.05 for 30m, reclaim
/// 1h after the mark). The grants belong to the tenant "archive", whose rule turns shrink off, so
/// that an unused grant is marked idle rather than shrunk first.
/// </summary>
[Collection(ElasticCollection.Name)]
public sealed class IdleReclaimApiTests : IDisposable
{
    private readonly ElasticHarness _h = new();

    public void Dispose() => _h.Dispose();

    private DateTimeOffset Start => new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    /// <summary>An unused grant of 8 vcpu, marked idle after 31 minutes (the first sample is a minute after the start).</summary>
    private async Task<string> IdleAllocationAsync()
    {
        await _h.StartAsync();
        var id = await _h.ReadyAllocationAsync(8, 32, usage: 0.0, tenant: "archive");
        await _h.MinutesAsync(30);
        Assert.Null((await _h.GetAsync(id))["idleSince"]);
        await _h.MinutesAsync(1);
        return id;
    }

    private static DateTimeOffset? Time(JsonNode node, string name) => node[name]?.GetValue<DateTimeOffset>();

    [Fact]
    public async Task Idle_UnusedForTheIdleWindow_IsMarkedThenReclaimedAfterTheGrace()
    {
        var reclaimedCores = await _h.MetricAsync("cloudmgmt_reclaimed_total{resource=\"vcpu\",unit=\"core\"}");
        var id = await IdleAllocationAsync();
        var marked = await _h.GetAsync(id);
        var idleGauge = await _h.MetricAsync("cloudmgmt_idle_grants{tenant=\"archive\"}");

        await _h.MinutesAsync(59);
        var inGrace = await _h.GetAsync(id);
        await _h.MinutesAsync(2); // the reclaim, then the reconcile that removes the grant

        var after = await _h.GetAsync(id);
        Assert.Equal(Start.AddMinutes(1), Time(marked, "idleSince"));
        Assert.Equal(Start.AddMinutes(91), Time(marked, "reclaimAt"));
        Assert.Contains("elastic idle: usage ≤ 0.05 for 30m", marked["history"]!.AsArray().Last()!.Str("message"), StringComparison.Ordinal);
        Assert.Contains(await _h.EventsAsync("idle"), e => e!.Str("allocationId") == id && e!.Str("tenant") == "archive");
        Assert.Equal(1, idleGauge);
        Assert.Equal("Ready", inGrace.Str("status"));
        Assert.Equal("Released", after.Str("status"));
        Assert.Contains(after["history"]!.AsArray(), e => e!.Str("message").StartsWith("elastic reclaim: idle since", StringComparison.Ordinal));
        Assert.Equal(0, await _h.DepartmentReservedAsync());
        Assert.Contains(await _h.EventsAsync("reclaim"), e => e!.Str("allocationId") == id);
        Assert.Equal(0, await _h.MetricAsync("cloudmgmt_idle_grants{tenant=\"archive\"}"));
        Assert.Equal(reclaimedCores + 8, await _h.MetricAsync("cloudmgmt_reclaimed_total{resource=\"vcpu\",unit=\"core\"}"));
        var record = Assert.Single(await _h.Services.GetRequiredService<IGrainFactory>().GetGrain<ICloudUsageGrain>(ElasticHarness.CloudId)
            .Reclaimed(Start, Start.AddDays(1)));
        Assert.Equal((id, "archive", 8L), (record.AllocationId, record.Tenant, record.Reclaimed["vcpu"]));
    }

    [Fact]
    public async Task Idle_UsedAgainDuringTheGrace_IsNoLongerIdleAndKept()
    {
        var id = await IdleAllocationAsync();

        _h.Dial.Set(id, 0.5);
        await _h.MinutesAsync(1);
        _h.Dial.Set(id, 0.0);
        await _h.MinutesAsync(70);

        var after = await _h.GetAsync(id);
        Assert.Equal("Ready", after.Str("status"));
        Assert.Contains(after["history"]!.AsArray(), e => e!.Str("message").StartsWith("elastic: used again (memoryGiB usage 0.50", StringComparison.Ordinal));
        Assert.Contains(await _h.EventsAsync("idle_cleared"), e => e!.Str("allocationId") == id);
        // Idle again from minute 33 (the busy sample at 32 is in force until then), marked at 63, due an hour later.
        Assert.Equal(Start.AddMinutes(33), Time(after, "idleSince"));
        Assert.Equal(Start.AddMinutes(63 + 60), Time(after, "reclaimAt"));
    }

    [Fact]
    public async Task Protect_IdleGrant_IsNeverReclaimedUntilTheProtectionIsLifted()
    {
        var id = await IdleAllocationAsync();

        var protectedView = await _h.Op.Post($"/api/v1/allocations/{id}/protect", new { @protected = true }).Expect(HttpStatusCode.OK);
        await _h.MinutesAsync(120, step: 4);
        var stillThere = await _h.GetAsync(id);
        var reservedWhileProtected = await _h.DepartmentReservedAsync();
        await _h.Op.Post($"/api/v1/allocations/{id}/protect", new { @protected = false }).Expect(HttpStatusCode.OK);
        await _h.MinutesAsync(2);

        Assert.True(protectedView["elastic"]!["protected"]!.GetValue<bool>());
        Assert.Null(protectedView["reclaimAt"]);
        Assert.NotNull(protectedView["idleSince"]);
        Assert.Equal("Ready", stillThere.Str("status"));
        Assert.Equal(8, reservedWhileProtected);
        Assert.Equal("Released", (await _h.GetAsync(id)).Str("status"));
    }

    [Fact]
    public async Task Postpone_IdleGrant_IsReclaimedOnlyAfterThePostponement()
    {
        var id = await IdleAllocationAsync();

        var postponed = await _h.Op.Post($"/api/v1/allocations/{id}/postpone", new { @for = "PT3H" }).Expect(HttpStatusCode.OK);
        await _h.MinutesAsync(179, step: 4); // an hour and more past the grace, a minute short of the postponement
        var waiting = await _h.GetAsync(id);
        await _h.MinutesAsync(2);

        Assert.Equal(Start.AddMinutes(31 + 180), Time(postponed, "reclaimAt"));
        Assert.Equal(Start.AddMinutes(31 + 180), Time(postponed["elastic"]!, "postponedUntil"));
        Assert.Contains("reclaim postponed until", postponed["history"]!.AsArray().Last()!.Str("message"), StringComparison.Ordinal);
        Assert.Equal("Ready", waiting.Str("status"));
        Assert.Equal("Released", (await _h.GetAsync(id)).Str("status"));
        Assert.Contains(await _h.EventsAsync("reclaim"), e => e!.Str("message").Contains("postponed until", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ElasticEndpoints_WrongRoleOrBody_AreRefusedWithProblems()
    {
        await _h.StartAsync();
        var id = await _h.ReadyAllocationAsync(4, 16, usage: 0.5);
        var key = await _h.Op.Post("/api/v1/keys", new { role = "department", tenant = "health" }).Expect(HttpStatusCode.Created);
        var department = _h.CreateClient();
        department.DefaultRequestHeaders.Authorization = new("Bearer", key.Str("token"));

        using var forbidden = await department.Post($"/api/v1/allocations/{id}/protect", new { @protected = true });
        var noValue = await _h.Op.Post($"/api/v1/allocations/{id}/protect", new { }).ExpectProblem(HttpStatusCode.BadRequest);
        var both = await _h.Op.Post($"/api/v1/allocations/{id}/postpone", new { until = Start.AddDays(2), @for = "P1D" }).ExpectProblem(HttpStatusCode.BadRequest);
        var past = await _h.Op.Post($"/api/v1/allocations/{id}/postpone", new { until = Start.AddDays(-1) }).ExpectProblem(HttpStatusCode.BadRequest);
        var badDuration = await _h.Op.Post($"/api/v1/allocations/{id}/postpone", new { @for = "tomorrow" }).ExpectProblem(HttpStatusCode.BadRequest);
        await _h.Op.Post("/api/v1/allocations/alloc-00000000000000000000000000000000/protect", new { @protected = true }).ExpectProblem(HttpStatusCode.NotFound);
        var badKind = await _h.Op.GetAsync("/api/v1/events?kind=nap").ExpectProblem(HttpStatusCode.BadRequest);
        var othersEvents = await department.GetAsync("/api/v1/events?tenant=archive").Expect(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.NotNull(noValue["errors"]!["protected"]);
        Assert.NotNull(both["errors"]!["until"]);
        Assert.Contains("future", past["errors"]!["until"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(badDuration["errors"]!["for"]);
        Assert.NotNull(badKind["errors"]!["kind"]);
        Assert.Empty(othersEvents["items"]!.AsArray());
    }
}
