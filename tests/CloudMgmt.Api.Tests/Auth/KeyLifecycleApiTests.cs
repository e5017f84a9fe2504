using System.Net;
using CloudMgmt.Api.Tests.Elastic;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Api.Tests.Auth;

/// <summary>Keys with a scope and an expiry, rotation with and without grace, revocation, last use, and the audit records each leaves.</summary>
public sealed class KeyLifecycleApiTests : IAsyncLifetime
{
    // Behind the real clock, as in the elastic tests: a fake "now" ahead of it would make the silo's membership think it is stale.
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly ManualClock _clock = new(Start);
    private readonly ControllerFactory _factory;
    private HttpClient _op = null!;

    public KeyLifecycleApiTests()
    {
        _factory = new ControllerFactory { Clock = _clock };
        _factory.Settings["Auth:Keys:UsageFlush"] = "00:00:01";
    }

    public async Task InitializeAsync()
    {
        _op = _factory.Operator();
        await _op.Post("/api/v1/pools", new { id = "province", quota = new { vcpu = 0 } }).Expect(HttpStatusCode.Created);
        await _op.Post("/api/v1/pools", new { id = "hefei", parent = "province", quota = new { vcpu = 0 } }).Expect(HttpStatusCode.Created);
        await _op.Post("/api/v1/pools", new { id = "feixi", parent = "hefei", quota = new { vcpu = 10 } }).Expect(HttpStatusCode.Created);
        await _op.Post("/api/v1/pools", new { id = "wuhu", parent = "province", quota = new { vcpu = 10 } }).Expect(HttpStatusCode.Created);
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    private async Task<(string Id, string Token)> KeyAsync(HttpClient by, object body)
    {
        var issued = await by.Post("/api/v1/keys", body).Expect(HttpStatusCode.Created);
        return (issued.Str("id"), issued.Str("token"));
    }

    [Fact]
    public async Task Create_ScopedWithExpiry_ListedWithItsCreatorAndNeverItsToken()
    {
        var expires = Start.AddDays(30);
        var (id, token) = await KeyAsync(_op, new { role = "operator", pool = "hefei", name = "hefei-ops", expiresAt = expires });

        var listed = (await _op.GetAsync("/api/v1/keys").Expect(HttpStatusCode.OK)).AsArray().Single(k => k!.Str("id") == id)!;

        Assert.Equal("hefei", listed.Str("pool"));
        Assert.Equal("hefei-ops", listed.Str("name"));
        Assert.Equal(expires, listed["expiresAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("key:admin-env", listed.Str("createdBy"));
        Assert.DoesNotContain(token, listed.ToJsonString());
    }

    [Fact]
    public async Task Expired_Refused401_AndTheRecordNamesTheKey()
    {
        var (id, token) = await KeyAsync(_op, new { role = "viewer", expiresAt = Start.AddMinutes(10) });
        var viewer = _factory.WithToken(token);
        await viewer.GetAsync("/api/v1/keys").ExpectProblem(HttpStatusCode.Forbidden); // valid, but a viewer may not list keys

        _clock.Advance(TimeSpan.FromMinutes(10));
        await viewer.GetAsync("/api/v1/pools").ExpectProblem(HttpStatusCode.Unauthorized);

        var refusal = (await AuditRecords.RecordsAsync(_op, "action=auth.refused")).Last();
        Assert.Equal(id, refusal["actor"]!.Str("id"));
        Assert.Equal(401, refusal["outcome"]!.GetValue<int>());
        Assert.Contains("expired", refusal.Str("detail"));
    }

    [Fact]
    public async Task Rotate_WithGrace_BothTokensWorkUntilTheGraceEnds()
    {
        var (id, old) = await KeyAsync(_op, new { role = "operator", pool = "hefei" });

        var rotated = await _op.Post($"/api/v1/keys/{id}/rotate", new { grace = "PT1H" }).Expect(HttpStatusCode.OK);
        await _factory.WithToken(old).GetAsync("/api/v1/keys").Expect(HttpStatusCode.OK);
        await _factory.WithToken(rotated.Str("token")).GetAsync("/api/v1/keys").Expect(HttpStatusCode.OK);
        _clock.Advance(TimeSpan.FromHours(1));

        await _factory.WithToken(old).GetAsync("/api/v1/keys").ExpectProblem(HttpStatusCode.Unauthorized);
        await _factory.WithToken(rotated.Str("token")).GetAsync("/api/v1/keys").Expect(HttpStatusCode.OK);
        Assert.Equal(id, rotated.Str("id"));
    }

    [Fact]
    public async Task Rotate_WithoutGrace_OldTokenRefusedAtOnce()
    {
        var (id, old) = await KeyAsync(_op, new { role = "operator", pool = "hefei" });
        await _factory.WithToken(old).GetAsync("/api/v1/keys").Expect(HttpStatusCode.OK); // its answer is now kept by this node

        var rotated = await _op.Post($"/api/v1/keys/{id}/rotate", new { }).Expect(HttpStatusCode.OK);

        await _factory.WithToken(old).GetAsync("/api/v1/keys").ExpectProblem(HttpStatusCode.Unauthorized);
        await _factory.WithToken(rotated.Str("token")).GetAsync("/api/v1/keys").Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Revoke_RefusedAtOnceAndRecorded()
    {
        var (id, token) = await KeyAsync(_op, new { role = "operator", pool = "hefei" });
        var key = _factory.WithToken(token);
        await key.GetAsync("/api/v1/keys").Expect(HttpStatusCode.OK);
        var mark = await AuditRecords.MarkAsync(_op);

        await _op.DeleteAsync($"/api/v1/keys/{id}").Expect(HttpStatusCode.NoContent);
        await key.GetAsync("/api/v1/keys").ExpectProblem(HttpStatusCode.Unauthorized);

        var records = await AuditRecords.SinceAsync(_op, mark);
        Assert.Equal(["key.revoke", "auth.refused"], records.Select(r => r.Str("action")));
        Assert.Equal($"key:{id}", records[0].Str("target"));
        Assert.Contains("revoked", records[1].Str("detail"));
    }

    [Theory]
    [InlineData("an unscoped key", "{\"role\":\"viewer\",\"expiresAt\":\"2027-01-01T00:00:00Z\"}", HttpStatusCode.Forbidden)]
    [InlineData("a key on its parent pool", "{\"role\":\"viewer\",\"pool\":\"province\",\"expiresAt\":\"2027-01-01T00:00:00Z\"}", HttpStatusCode.BadRequest)]
    [InlineData("a key on a sibling pool", "{\"role\":\"viewer\",\"pool\":\"wuhu\",\"expiresAt\":\"2027-01-01T00:00:00Z\"}", HttpStatusCode.BadRequest)]
    [InlineData("a key that never expires", "{\"role\":\"viewer\",\"pool\":\"feixi\"}", HttpStatusCode.Forbidden)]
    [InlineData("a key that outlives it", "{\"role\":\"viewer\",\"pool\":\"feixi\",\"expiresAt\":\"2027-07-01T00:00:00Z\"}", HttpStatusCode.Forbidden)]
    public async Task Create_ByScopedExpiringKey_NothingBroaderThanItself(string what, string body, HttpStatusCode expected)
    {
        var (_, token) = await KeyAsync(_op, new { role = "operator", pool = "hefei", expiresAt = "2027-06-30T00:00:00Z" });
        var hefei = _factory.WithToken(token);

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var problem = await hefei.PostAsync("/api/v1/keys", content).ExpectProblem(expected);

        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Equal("pool", problem.Str("field")); // exactly what a pool that does not exist is told
            Assert.Contains("does not exist", problem.Str("detail"));
        }

        Assert.NotNull(what);
        await KeyAsync(hefei, new { role = "viewer", pool = "feixi", expiresAt = "2027-06-30T00:00:00Z" }); // within itself: allowed
    }

    [Fact]
    public async Task LastUsedAt_RecordedToTheMinuteWithoutAWritePerRequest()
    {
        var (id, token) = await KeyAsync(_op, new { role = "operator", pool = "hefei" });
        _clock.Advance(TimeSpan.FromSeconds(90));
        for (var i = 0; i < 5; i++)
        {
            await _factory.WithToken(token).GetAsync("/api/v1/keys").Expect(HttpStatusCode.OK);
        }

        // The next flush is due once the clock has moved a flush interval past the last one, which may
        // have run between the advance above and the requests (on a loaded machine it did).
        _clock.Advance(TimeSpan.FromSeconds(2));
        var used = await Polling.UntilAsync(async () => (await _op.GetAsync("/api/v1/keys").Expect(HttpStatusCode.OK)).AsArray()
            .Single(k => k!.Str("id") == id)!["lastUsedAt"], v => v is not null);

        Assert.Equal(Start.AddMinutes(1), used!.GetValue<DateTimeOffset>());
    }
}
