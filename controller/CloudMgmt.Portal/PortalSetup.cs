using CloudMgmt.Portal.Components;
using CloudMgmt.Portal.Localization;
using CloudMgmt.Portal.Session;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CloudMgmt.Portal;

/// <summary>The console's wiring, for the host to call: services, and the endpoints at / (pages, circuit, sign-in and sign-out).</summary>
public static class PortalSetup
{
    /// <summary>
    /// Styles and scripts (ours, MudBlazor's, the framework's) are static web assets: a published
    /// controller has them in wwwroot beside cloudmgmt.dll, wherever it is started from.
    /// </summary>
    public static string WebRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    public static WebApplicationBuilder AddCloudMgmtPortal(this WebApplicationBuilder builder)
    {
        // A built controller (dotnet run, the tests' process) reads its static web assets where the
        // build left them, through the manifest beside the dll; ASP.NET does that by itself only in Development.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddScoped<ConsoleLanguage>();
        services.AddSingleton<ProvinceTime>();
        services.AddSingleton<LiveUpdates>();
        services.AddScoped<MudLocalizer, PortalMudLocalizer>();
        services.AddConsoleSessions();
        return builder;
    }

    /// <summary>After the host's authentication and authorization: forms are checked for their antiforgery token.</summary>
    public static WebApplication UseCloudMgmtPortal(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapConsoleSessionEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
