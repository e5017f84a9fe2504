using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Adapters.OpenStack.Tests.Infrastructure;
using CloudMgmt.Cluster.Tests.Cluster;
using CloudMgmt.Cluster.Tests.Infrastructure;
using CloudMgmt.Faults.Tests.Cluster;
using CloudMgmt.Grains.Clouds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudMgmt.Faults.Tests.Resilience;

/// <summary>
/// Issue 22's adapter lifecycle against the real OpenStack in clustered mode: a cloud whose grain
/// lives on one silo, reconciled ten times from the other, costs Keystone one token (that other
/// silo's adapter's), counted from Keystone's side: the cloud authenticates at a Keystone of the
/// test's own on the peer's database and keys (<see cref="AuditedKeystone"/>), which logs a CADF
/// identity.authenticate event for every authentication. Before the adapters were compared by value,
/// every pass on the other silo built a new adapter, and so asked for a new token.
/// </summary>
[Collection(ControllerProcesses.Name)]
public sealed class KeystoneTokenTests(OpenStackPeer peer) : IClassFixture<OpenStackPeer>, IAsyncLifetime
{
    private const string ClusterId = "keystone-tokens";
    private const string CredentialsVariable = "CLOUDMGMT_CLOUD_FAULTS_KEYSTONE";
    private const int Passes = 10;
    private readonly List<ClusterNode> _nodes = [];
    private TestDatabase _db = null!;
    private AuditedKeystone _keystone = null!;

    public async Task InitializeAsync()
    {
        _db = await PostgresServer.CreateDatabaseAsync();
        _keystone = await AuditedKeystone.StartAsync(peer);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await _db.DisposeAsync();
        await _keystone.DisposeAsync();
    }

    [Fact]
    public async Task ReconcilePasses_CloudGrainOnTheOtherSilo_KeystoneIssuesOneToken()
    {
        // The cloud is registered while only the first silo runs, so its grain lives there, and reconciled
        // there once, so that the first silo's own adapter holds its token before the second silo starts.
        var first = await StartNodeAsync();
        using (var op = Operator(first))
        {
            await op.Post("/api/v1/clouds", new
            {
                id = "gov-openstack", kind = "openstack", region = "RegionOne", endpoint = _keystone.AuthUrl, allowInsecureEndpoint = true,
                credentialsRef = "env:" + CredentialsVariable, labels = new Dictionary<string, string> { ["securityLevel"] = "3" },
                settings = new Dictionary<string, string> { ["requestTimeoutSeconds"] = "60" },
            }).Expect(HttpStatusCode.Created);
            await PassAsync(op);
        }

        var second = await StartNodeAsync();
        using var client = await ClusterClient.ConnectAsync(_db.ConnectionString, ClusterId);
        var grains = client.Services.GetRequiredService<IClusterClient>();
        var home = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<ICloudGrain>("gov-openstack"));
        Assert.Equal(first.SiloPort, home?.Endpoint.Port); // the grain is on the first silo, the passes run on the second

        var before = (await _keystone.AuthenticationsAsync()).Count;
        using (var other = Operator(second))
        {
            for (var pass = 0; pass < Passes; pass++)
            {
                await PassAsync(other);
            }
        }

        var issued = (await _keystone.AuthenticationsAsync()).Skip(before).ToList();
        Assert.True(before >= 1, "the first silo's pass authenticated nowhere Keystone logged it");
        Assert.True(issued.Count == 1, $"Keystone authenticated the cloud {issued.Count} times over {Passes} passes on the other silo:\n{string.Join("\n", issued)}");
        Assert.Equal(home, await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<ICloudGrain>("gov-openstack")));
    }

    /// <summary>An operator's client that waits for a pass as long as the real OpenStack takes on a loaded machine (30 s was seen to be too short).</summary>
    private static HttpClient Operator(ClusterNode node)
    {
        var client = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ClusterNode.AdminToken);
        return client;
    }

    private static async Task PassAsync(HttpClient op)
    {
        var cloud = await op.PostAsync("/api/v1/clouds/gov-openstack/reconcile", null).Expect(HttpStatusCode.OK);
        Assert.True(cloud["health"]!["healthy"]!.GetValue<bool>(), cloud.ToJsonString());
    }

    private async Task<ClusterNode> StartNodeAsync()
    {
        var credentials = new JsonObject
        {
            ["username"] = peer.Rc["OS_USERNAME"], ["password"] = peer.AdminPassword, ["userDomainName"] = "Default",
            ["projectName"] = peer.Rc["OS_PROJECT_NAME"], ["projectDomainName"] = "Default",
        };
        var node = await ClusterNode.StartAsync(_db.ConnectionString, ClusterId,
            new NodeSetup(Environment: new Dictionary<string, string> { [CredentialsVariable] = credentials.ToJsonString() }),
            ClusterArgs.With("--Reconcile:InventoryInterval", "01:00:00", "--Reconcile:GrantInterval", "01:00:00", "--Elastic:Enabled", "false",
                "--Cluster:Membership:ProbeTimeout", "00:00:03", "--Cluster:Membership:NumMissedProbesLimit", "3")); // no silo lost here: no false deaths on a loaded machine
        _nodes.Add(node);
        return node;
    }
}
