using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace CloudMgmt.Host.Hosting;

/// <summary>
/// The appsettings.json shipped beside cloudmgmt.dll (log levels for an operator), read whatever the
/// working folder: ASP.NET Core looks for appsettings.json in the content root, which is the folder
/// the controller is started from. It goes first, so an appsettings.json in the content root, the
/// environment and the command line all override it.
/// </summary>
internal static class ShippedSettings
{
    public const string FileName = "appsettings.json";

    public static void AddShippedSettings(this WebApplicationBuilder builder)
    {
        var here = Path.GetFullPath(AppContext.BaseDirectory);
        var contentRoot = Path.GetFullPath(builder.Environment.ContentRootPath);
        if (!File.Exists(Path.Combine(here, FileName))
            || string.Equals(Path.TrimEndingDirectorySeparator(here), Path.TrimEndingDirectorySeparator(contentRoot), StringComparison.Ordinal))
        {
            return; // already read from the content root
        }

        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            Path = FileName, Optional = true, ReloadOnChange = false, FileProvider = new PhysicalFileProvider(here),
        });
    }
}
