using CloudMgmt.Application;
using CloudMgmt.Host.Api;
using CloudMgmt.Host.Auth;
using CloudMgmt.Host.Hosting;
using CloudMgmt.Portal;

if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync(args);
}

if (CommandLine.WantsHelp(args))
{
    Console.WriteLine(CommandLine.Help);
    return 0;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = PortalSetup.WebRoot });
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
builder.Services.AddHostedService<StartupRecovery>();
builder.Services.AddShutdownDrain(); // last: its Stopping step runs first

var app = builder.Build();
app.UseCloudMgmtApi();
app.UseCloudMgmtPortal(); // the console at /
app.Run();
return 0;
