using System.Net;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Api.Tests.Durability;

/// <summary>An acknowledged change has its audit record: kill -9 right after the answer, and the record is there after the restart.</summary>
public sealed class AuditDurabilityTests : IDisposable
{
    private readonly TempDirectory _data = new("cloudmgmt-audit-crash");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Kill_RightAfterAnAcknowledgedChange_ItsRecordSurvivesTheRestart()
    {
        string[] args = ["--Sandbox:RegisterDefaults", "false"];
        await using (var first = await ControllerProcess.StartAsync(_data.Path, args))
        {
            using var op = first.Operator();
            await op.Post("/api/v1/pools", new { id = "province", quota = new { vcpu = 10 } }).Expect(HttpStatusCode.Created);
            await first.KillAsync(); // SIGKILL the moment the 201 is in
        }

        await using var second = await ControllerProcess.StartAsync(_data.Path, args);
        using var again = second.Operator();
        var records = await AuditRecords.RecordsAsync(again, "action=pool.create");

        var record = Assert.Single(records);
        Assert.Equal("pool:province", record.Str("target"));
        Assert.Equal(201, record["outcome"]!.GetValue<int>());
        Assert.Equal("127.0.0.1", record.Str("source"));
        Assert.True((await again.GetAsync("/api/v1/audit/verify").Expect(HttpStatusCode.OK))["valid"]!.GetValue<bool>());
    }
}
