using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CloudMgmt.Adapters.Ec2.Tests.EndToEnd;

/// <summary>
/// The real controller (API, silo, SQLite state) in-process on its own data folder and silo ports,
/// with no sandbox clouds: the only cloud is the EC2 one a test registers.
/// </summary>
public sealed class ControllerHost : WebApplicationFactory<Program>
{
    public const string AdminToken = "test-operator-token";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "cloudmgmt-ec2-e2e", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Sandbox:RegisterDefaults", "false");
        builder.UseSetting("Reconcile:InventoryInterval", "01:00:00"); // the test triggers every pass itself
        builder.UseSetting("Reconcile:GrantInterval", "01:00:00");
        builder.UseSetting("Resilience:RetryDelay", "00:00:00.005");
        builder.UseSetting("data-dir", _data);
        builder.UseSetting("CLOUDMGMT_ADMIN_TOKEN", AdminToken);
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public HttpClient Operator()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>HTTP helpers that keep the test about behaviour.</summary>
internal static class Http
{
    public static async Task<JsonNode> Expect(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} but got {(int)response.StatusCode}: {text}");
        return string.IsNullOrEmpty(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public static Task<HttpResponseMessage> Post(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);

    public static long Long(this JsonNode node, string path) =>
        path.Split('.').Aggregate((JsonNode?)node, (current, part) => current?[part])?.GetValue<long>() ?? 0;

    public static string Str(this JsonNode node, string name) => node[name]!.GetValue<string>();
}
