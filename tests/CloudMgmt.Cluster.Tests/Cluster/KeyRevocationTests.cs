using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using CloudMgmt.Cluster.Tests.Infrastructure;

namespace CloudMgmt.Cluster.Tests.Cluster;

/// <summary>
/// A key revoked through one node is refused by another within a second (each node drops the
/// answers it keeps when the key store's generation moves), and the audit trail of the whole
/// cluster is one chain in PostgreSQL, whichever node wrote each record.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class KeyRevocationTests : IAsyncLifetime
{
    private const string ClusterId = "key-revocation";
    private readonly List<ClusterNode> _nodes = [];
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await PostgresServer.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Revoke_ThroughOneNode_AnotherRefusesWithinOneSecond()
    {
        _nodes.AddRange(await ClusterNode.StartManyAsync(2, _db.ConnectionString, ClusterId, ClusterArgs.Common));
        using var a = _nodes[0].Operator();
        using var b = _nodes[1].Operator();
        var issued = await a.Post("/api/v1/keys", new { role = "operator", name = "revoke-me" }).Expect(HttpStatusCode.Created);
        using var key = new HttpClient { BaseAddress = _nodes[1].BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        key.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Str("token"));
        await key.GetAsync("/api/v1/keys").Expect(HttpStatusCode.OK); // node b now keeps its answer for this token

        await a.DeleteAsync($"/api/v1/keys/{issued.Str("id")}").Expect(HttpStatusCode.NoContent);
        var revoked = Stopwatch.StartNew();
        var status = await Polling.UntilAsync(async () =>
        {
            using var response = await key.GetAsync("/api/v1/keys");
            return response.StatusCode;
        }, s => s == HttpStatusCode.Unauthorized, within: TimeSpan.FromSeconds(5));
        var took = revoked.Elapsed;

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(took < TimeSpan.FromSeconds(1), $"node b refused the revoked key only after {took.TotalMilliseconds:F0} ms");

        // Both nodes wrote records (the key's creation and revocation through a, the refusal through b): one chain.
        var verify = await b.GetAsync("/api/v1/audit/verify").Expect(HttpStatusCode.OK);
        Assert.True(verify["valid"]!.GetValue<bool>());
        Assert.True(verify["records"]!.GetValue<long>() >= 3);
        Assert.True(await _db.ScalarAsync<long>("SELECT count(*) FROM cloudmgmt_audit_records WHERE action = 'auth.refused'") >= 1);
        Assert.Equal(1, await _db.ScalarAsync<long>("SELECT count(*) FROM cloudmgmt_audit_records WHERE action = 'key.revoke'"));
    }
}
