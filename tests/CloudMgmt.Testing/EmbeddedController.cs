using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CloudMgmt.Testing;

/// <summary>
/// The real controller (API, silo, SQLite state) in-process on its own data folder and silo ports,
/// with no sandbox clouds and the reconcile schedules an hour apart: the test registers the cloud
/// it is about and runs every pass itself. <see cref="Settings"/> adds or overrides configuration.
/// </summary>
public class EmbeddedController : WebApplicationFactory<Program>
{
    public const string AdminToken = "test-operator-token-0123456789abcdef";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "cloudmgmt-tests", Guid.NewGuid().ToString("N"));

    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal)
    {
        ["Sandbox:RegisterDefaults"] = "false",
        ["Reconcile:InventoryInterval"] = "01:00:00",
        ["Reconcile:GrantInterval"] = "01:00:00",
    };

    public HttpClient Operator()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("data-dir", _data);
        builder.UseSetting("CLOUDMGMT_ADMIN_TOKEN", AdminToken);
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
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
}
