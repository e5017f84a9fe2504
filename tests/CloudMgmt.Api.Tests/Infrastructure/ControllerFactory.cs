using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CloudMgmt.Api.Tests.Infrastructure;

/// <summary>
/// The real controller (API, silo, SQLite state) in-process, on its own data folder and silo ports,
/// reached through the real HTTP pipeline.
/// </summary>
public sealed class ControllerFactory : WebApplicationFactory<Program>
{
    public const string AdminToken = EmbeddedController.AdminToken;

    private readonly TempDirectory _data = new("cloudmgmt-tests");

    public string DataDir => _data.Path;

    /// <summary>Extra configuration for one test class, applied on start.</summary>
    /// <remarks>
    /// By default no sandbox clouds are registered (most tests are about quota alone) and the elastic
    /// pass is off: its metrics are process-wide, and a pass in one of these hosts (scheduled at its
    /// start) would reset the idle gauge an elastic test in another host is reading.
    /// </remarks>
    public Dictionary<string, string> Settings { get; } = new() { ["Sandbox:RegisterDefaults"] = "false", ["Elastic:Enabled"] = "false" };

    /// <summary>The controller's clock, when a test moves time itself (e.g. <see cref="Elastic.ManualClock"/>).</summary>
    public TimeProvider? Clock { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("data-dir", DataDir);
        builder.UseSetting("CLOUDMGMT_ADMIN_TOKEN", AdminToken);
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public HttpClient Operator() => WithToken(AdminToken);

    public HttpClient WithToken(string? token)
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _data.Dispose();
    }
}
