using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CloudMgmt.Adapters.Kubernetes.Tests.EndToEnd;

/// <summary>
/// The real controller (API, silo, SQLite state) in-process on its own data folder and silo ports,
/// without the sandbox clouds, so that what is placed lands on the cloud the test registers.
/// (The pattern of tests/CloudMgmt.Api.Tests/Infrastructure/ControllerFactory.)
/// </summary>
internal sealed class ControllerFactory : WebApplicationFactory<Program>
{
    public const string AdminToken = "test-operator-token";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "cloudmgmt-k8s-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Sandbox:RegisterDefaults", "false");
        builder.UseSetting("Reconcile:InventoryInterval", "01:00:00");
        builder.UseSetting("Reconcile:GrantInterval", "01:00:00"); // the test runs every pass itself
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
