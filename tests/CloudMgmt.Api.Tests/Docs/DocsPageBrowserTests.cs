using System.Diagnostics;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Api.Tests.Docs;

/// <summary>The browsable API page, rendered by a real headless Chromium (installed by tests/setup).</summary>
public sealed class DocsPageBrowserTests : IDisposable
{
    private readonly TempDirectory _data = new("cloudmgmt-docs");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task DocsPage_InChromium_RendersOperationsFromOpenApiDocument()
    {
        await using var controller = await ControllerProcess.StartAsync(_data.Path);

        var dom = await DumpDomAsync(new Uri(controller.BaseAddress, "/docs/index.html"));

        // These strings exist only after Swagger UI has fetched /openapi/v1.json and rendered it.
        Assert.Contains("CloudMgmt API", dom);
        Assert.Contains("/api/v1/allocations/{id}/approve", dom);
        Assert.Contains("opblock", dom);
    }

    private static async Task<string> DumpDomAsync(Uri page)
    {
        var profile = Directory.CreateTempSubdirectory("cloudmgmt-chromium");
        var info = new ProcessStartInfo("chromium") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.FullName}",
            "--virtual-time-budget=20000", "--dump-dom", page.ToString(),
        })
        {
            info.ArgumentList.Add(arg);
        }

        using var browser = Process.Start(info)!;
        var stdout = browser.StandardOutput.ReadToEndAsync();
        _ = browser.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await browser.WaitForExitAsync(timeout.Token);
        profile.Delete(recursive: true);
        return await stdout;
    }
}
