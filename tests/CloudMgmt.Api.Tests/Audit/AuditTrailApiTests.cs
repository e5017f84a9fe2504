using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CloudMgmt.Api.Tests.Audit;

/// <summary>
/// The audit trail through the API: one record per change and per refused attempt, each naming who,
/// from where, what and how it ended; what each caller may read of it; verification that finds a
/// record changed in the database behind the controller's back.
/// </summary>
public sealed class AuditTrailApiTests : IAsyncLifetime
{
    private readonly ControllerFactory _factory = new();
    private HttpClient _op = null!;
    private HttpClient _health = null!;

    public async Task InitializeAsync()
    {
        _op = _factory.Operator();
        await ApiCalls.SeedAsync(_op, vcpu: 1000, departmentExtras: new { approvalThreshold = new { vcpu = 50 } }); // province > city > dept, tenant health
        await _op.Post("/api/v1/tenants", new { id = "education", pool = "dept" }).Expect(HttpStatusCode.Created);
        var key = await _op.Post("/api/v1/keys", new { role = "department", tenant = "health" }).Expect(HttpStatusCode.Created);
        _health = _factory.WithToken(key.Str("token"));
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Runs <paramref name="step"/> and returns the records it left.</summary>
    private async Task<List<JsonNode>> RecordsOf(Func<Task> step)
    {
        var mark = await AuditRecords.MarkAsync(_op);
        await step();
        return await AuditRecords.SinceAsync(_op, mark);
    }

    private async Task<string> AllocationAsync(HttpClient by, long vcpu = 2) =>
        (await by.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu } }).Expect(HttpStatusCode.Created)).Str("id");

    [Fact]
    public async Task EachKindOfChange_LeavesExactlyOneRecord()
    {
        var a = await AllocationAsync(_health);
        var big = await AllocationAsync(_health, 60);
        var big2 = await AllocationAsync(_health, 60);
        var key = await _op.Post("/api/v1/keys", new { role = "viewer", name = "audit-office" }).Expect(HttpStatusCode.Created);
        var changes = new (string Action, string Target, int Outcome, Func<Task> Step)[]
        {
            ("pool.create", "pool:county", 201, () => _op.Post("/api/v1/pools", new { id = "county", parent = "city", quota = new { vcpu = 5 } }).Expect(HttpStatusCode.Created)),
            ("pool.update", "pool:county", 200, () => _op.Patch("/api/v1/pools/county", new { quota = new { vcpu = 8 } }).Expect(HttpStatusCode.OK)),
            ("tenant.create", "tenant:police", 201, () => _op.Post("/api/v1/tenants", new { id = "police", pool = "county" }).Expect(HttpStatusCode.Created)),
            ("key.create", "key:", 201, () => _op.Post("/api/v1/keys", new { role = "viewer" }).Expect(HttpStatusCode.Created)),
            ("key.rotate", $"key:{key.Str("id")}", 200, () => _op.Post($"/api/v1/keys/{key.Str("id")}/rotate", new { grace = "PT5M" }).Expect(HttpStatusCode.OK)),
            ("key.revoke", $"key:{key.Str("id")}", 204, () => _op.DeleteAsync($"/api/v1/keys/{key.Str("id")}").Expect(HttpStatusCode.NoContent)),
            ("allocation.create", "allocation:", 201, () => _health.Post("/api/v1/allocations", new { resources = new { vcpu = 1 } }).Expect(HttpStatusCode.Created)),
            ("allocation.resize", $"allocation:{a}", 200, () => _health.Patch($"/api/v1/allocations/{a}", new { resources = new { vcpu = 3 } }).Expect(HttpStatusCode.OK)),
            ("allocation.approve", $"allocation:{big}", 200, () => _op.Post($"/api/v1/allocations/{big}/approve", new { reason = "plan 2026-17" }).Expect(HttpStatusCode.OK)),
            ("allocation.reject", $"allocation:{big2}", 200, () => _op.Post($"/api/v1/allocations/{big2}/reject", new { reason = "no plan" }).Expect(HttpStatusCode.OK)),
            ("allocation.protect", $"allocation:{a}", 200, () => _op.Post($"/api/v1/allocations/{a}/protect", new { @protected = true }).Expect(HttpStatusCode.OK)),
            ("allocation.release", $"allocation:{a}", 200, () => _health.DeleteAsync($"/api/v1/allocations/{a}").Expect(HttpStatusCode.OK)),
        };

        foreach (var (action, target, outcome, step) in changes)
        {
            var record = Assert.Single(await RecordsOf(step));
            Assert.Equal(action, record.Str("action"));
            Assert.StartsWith(target, record.Str("target"));
            Assert.Equal(outcome, record["outcome"]!.GetValue<int>());
            Assert.Equal("key", record["actor"]!.Str("kind"));
            Assert.NotNull(record["requestId"]); // the source address is checked over a real socket (AuditDurabilityTests)
        }

        var update = (await AuditRecords.RecordsAsync(_op, "action=pool.update")).Single();
        Assert.Equal("quota {vcpu: 5} → {vcpu: 8}", update.Str("detail"));
        var history = await _op.GetAsync($"/api/v1/allocations/{a}").Expect(HttpStatusCode.OK);
        Assert.All(history["history"]!.AsArray(), e => Assert.StartsWith("key:", e!.Str("by"))); // creation included
    }

    [Fact]
    public async Task EachRefusedAttempt_LeavesExactlyOneRecord()
    {
        var theirs = (await _op.Post("/api/v1/allocations", new { tenant = "education", resources = new { vcpu = 1 } }).Expect(HttpStatusCode.Created)).Str("id");
        var viewer = _factory.WithToken((await _op.Post("/api/v1/keys", new { role = "viewer" }).Expect(HttpStatusCode.Created)).Str("token"));
        var refusals = new (string Action, int Outcome, Func<Task> Step)[]
        {
            ("auth.refused", 401, () => _factory.WithToken(null).GetAsync("/api/v1/pools").ExpectProblem(HttpStatusCode.Unauthorized)),
            ("auth.refused", 401, () => _factory.WithToken("cmk_not-a-key").GetAsync("/api/v1/pools").ExpectProblem(HttpStatusCode.Unauthorized)),
            ("pool.create", 403, () => viewer.Post("/api/v1/pools", new { id = "x", quota = new { vcpu = 1 } }).ExpectProblem(HttpStatusCode.Forbidden)),
            ("allocation.read", 404, () => _health.GetAsync($"/api/v1/allocations/{theirs}").ExpectProblem(HttpStatusCode.NotFound)),
            ("allocation.release", 404, () => _health.DeleteAsync($"/api/v1/allocations/{theirs}").ExpectProblem(HttpStatusCode.NotFound)),
        };

        foreach (var (action, outcome, step) in refusals)
        {
            var record = Assert.Single(await RecordsOf(step));
            Assert.Equal(action, record.Str("action"));
            Assert.Equal(outcome, record["outcome"]!.GetValue<int>());
        }

        Assert.Equal("Admitted", (await _op.GetAsync($"/api/v1/allocations/{theirs}").Expect(HttpStatusCode.OK)).Str("status")); // the refused release changed nothing
    }

    [Fact]
    public async Task Query_EachCallerReadsItsPartOnly()
    {
        await _op.Post("/api/v1/allocations", new { tenant = "education", resources = new { vcpu = 1 } }).Expect(HttpStatusCode.Created);
        await AllocationAsync(_health);

        var mine = await AuditRecords.RecordsAsync(_health, "action=allocation.create");
        var all = await AuditRecords.RecordsAsync(_op, "action=allocation.create");

        Assert.Single(mine);
        Assert.Equal(2, all.Count);
        await _health.GetAsync("/api/v1/audit/verify").ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Csv_ExportsTheRecordsWithFormulasDefused()
    {
        await _op.Post("/api/v1/pools", new { id = "csv", parent = "city", displayName = "=HYPERLINK(\"x\")", quota = new { vcpu = 1 } }).Expect(HttpStatusCode.Created);

        using var response = await _op.GetAsync("/api/v1/audit?format=csv&action=pool.*");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("id,at,actor_kind,actor_id,actor_name,actor_role,actor_tenant,actor_pool,source,request_id,action,target,outcome,detail\r\n", csv);
        Assert.Contains("pool.create,pool:csv,201", csv);
    }

    [Fact]
    public async Task Verify_RecordChangedInTheStateFile_IsFound()
    {
        var before = await _op.GetAsync("/api/v1/audit/verify").Expect(HttpStatusCode.OK);
        Assert.True(before["valid"]!.GetValue<bool>());

        await using (var db = new SqliteConnection($"Data Source={Path.Combine(_factory.DataDir, "state.db")}"))
        {
            await db.OpenAsync();
            await using var tamper = db.CreateCommand();
            tamper.CommandText = "UPDATE audit_records SET actor_id = 'someone-else' WHERE id = 2";
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        var after = await _op.GetAsync("/api/v1/audit/verify").Expect(HttpStatusCode.OK);
        Assert.False(after["valid"]!.GetValue<bool>());
        Assert.Equal(2, after["firstBroken"]!.GetValue<long>());
    }
}
