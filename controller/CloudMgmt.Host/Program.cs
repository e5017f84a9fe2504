using CloudMgmt.Application;
using CloudMgmt.Host.Api;
using CloudMgmt.Host.Auth;
using CloudMgmt.Host.Hosting;
using CloudMgmt.Host.Hosting.Settings;
using CloudMgmt.Portal;

if (CommandLine.WantsHelp(args))
{
    Console.WriteLine(CommandLine.Help);
    return 0;
}

if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = PortalSetup.WebRoot });
builder.AddShippedSettings();
if (SettingsCatalog.Check(builder.Configuration) is { Count: > 0 } problems)
{
    return StartupFailure.Report(problems); // before anything is built: some settings are used while building
}

if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://localhost:5080"); // the documented default, unless --urls or ASPNETCORE_URLS says otherwise
}

var dataDir = DataDirectory.Resolve(builder.Configuration);
builder.Services.AddSingleton(dataDir);
builder.Services.AddSingleton(TimeProvider.System);
builder.UseCloudMgmtSilo(dataDir);
builder.Services.AddCloudMgmtApplication();
builder.Services.AddCloudMgmtAuth();
builder.Services.AddCloudMgmtApi();
builder.AddCloudMgmtPortal();
builder.Services.AddCloudManagement(builder.Configuration);
builder.AddCloudMgmtRequestLog();
builder.Services.AddAdminToken();
builder.Services.AddCheckedSettings();
builder.Services.AddHostedService<StartupRecovery>();
builder.Services.AddShutdownDrain(); // last: its Stopping step runs first

return StartupFailure.Run(builder, app =>
{
    app.UseCloudMgmtRequestLog(); // first: it times and logs the whole request
    app.UseCloudMgmtApi();
    app.UseCloudMgmtPortal(); // the console at /
});
