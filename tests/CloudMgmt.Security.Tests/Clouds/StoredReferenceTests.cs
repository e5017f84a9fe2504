using System.Net;
using CloudMgmt.Grains.Clouds;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CloudMgmt.Security.Tests.Clouds;

/// <summary>
/// A registration an older version stored, before references were confined (file:/dev/zero on a
/// Kubernetes cloud; file:/proc/self/environ and a plain-http endpoint on an EC2 cloud), written
/// straight into the state database: the controller starts and stays ready, those clouds are
/// unhealthy with a clear reason, and the other clouds go on working.
/// </summary>
public sealed class StoredReferenceTests : IDisposable
{
    private readonly TempDirectory _data = new("cloudmgmt-security-stored");
    private static readonly string[] Arguments = ["--Sandbox:RegisterDefaults", "false", "--Elastic:Enabled", "false"];

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Restart_WithStoredReferencesNoLongerAllowed_StaysReady_CloudsUnhealthyWithReason_OthersWork()
    {
        var credentials = Path.Combine(_data.Path, "credentials");
        Directory.CreateDirectory(credentials);
        File.WriteAllText(Path.Combine(credentials, "legacy.kubeconfig"),
            "apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: \"https://127.0.0.1:9\"}}]\n" +
            "users: [{name: u, user: {token: t}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\ncurrent-context: x\n");
        File.WriteAllText(Path.Combine(credentials, "legacy-ec2.json"), """{"accessKeyId":"AKIALEGACY","secretAccessKey":"legacy"}""");
        await using (var first = await ControllerProcess.StartAsync(_data.Path, Arguments))
        {
            using var op = first.Operator();
            await op.Post("/api/v1/clouds", new { id = "steady", kind = "sandbox", region = "anhui" }).Expect(HttpStatusCode.Created);
            await op.Post("/api/v1/clouds", new { id = "legacy-k8s", kind = "kubernetes", region = "anhui", credentialsRef = "file:legacy.kubeconfig" })
                .Expect(HttpStatusCode.Created);
            await op.Post("/api/v1/clouds", new
            {
                id = "legacy-ec2", kind = "ec2", region = "cn-north-1", endpoint = "https://ec2.legacy.example", credentialsRef = "file:legacy-ec2.json",
            }).Expect(HttpStatusCode.Created);
            await first.KillAsync();
        }

        Rewrite("legacy-k8s", s => s.CredentialsRef = "file:/dev/zero");
        Rewrite("legacy-ec2", s => (s.CredentialsRef, s.Endpoint) = ("file:/proc/self/environ", "http://127.0.0.1:9"));

        await using var second = await ControllerProcess.StartAsync(_data.Path, Arguments);
        using var client = second.Operator();
        await client.PostAsync("/api/v1/reconcile", null).Expect(HttpStatusCode.OK);
        var clouds = (await client.GetAsync("/api/v1/clouds").Expect(HttpStatusCode.OK)).AsArray().ToDictionary(c => c!.Str("id"), c => c!);
        await client.GetAsync("/readyz").Expect(HttpStatusCode.OK);

        Assert.True(clouds["steady"]["health"]!["healthy"]!.GetValue<bool>());
        Assert.Equal(4096, clouds["steady"].Long("capacity.vcpu"));
        foreach (var id in new[] { "legacy-k8s", "legacy-ec2" })
        {
            var health = clouds[id]["health"]!;
            Assert.False(health["healthy"]!.GetValue<bool>());
            Assert.StartsWith("credentialsRef: file:/", health.Str("detail"), StringComparison.Ordinal);
            Assert.Contains("is outside the credentials directory", health.Str("detail"), StringComparison.Ordinal);
        }

        Assert.Contains("endpoint: must be https", clouds["legacy-ec2"]["health"]!.Str("detail"), StringComparison.Ordinal);
    }

    /// <summary>Changes a cloud's stored state as an older version would have written it (same serializer, same row).</summary>
    private void Rewrite(string cloudId, Action<CloudState> change)
    {
        using var services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(CloudState).Assembly)).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Path, "state.db")}");
        connection.Open();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT key, payload FROM grain_state WHERE key = $key";
        read.Parameters.AddWithValue("$key", $"cloud/cloud/{cloudId}");
        using var row = read.ExecuteReader();
        Assert.True(row.Read(), $"no stored state for cloud {cloudId}");
        var (key, state) = (row.GetString(0), serializer.Deserialize<CloudState>((byte[])row["payload"])!);
        row.Close();
        change(state);
        using var write = connection.CreateCommand();
        write.CommandText = "UPDATE grain_state SET payload = $payload WHERE key = $key";
        write.Parameters.AddWithValue("$payload", serializer.SerializeToArray(state));
        write.Parameters.AddWithValue("$key", key);
        Assert.Equal(1, write.ExecuteNonQuery());
    }
}
