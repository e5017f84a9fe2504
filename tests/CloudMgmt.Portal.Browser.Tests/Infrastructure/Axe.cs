using OpenQA.Selenium;

namespace CloudMgmt.Portal.Browser.Tests.Infrastructure;

/// <summary>
/// axe-core, the accessibility engine, run in the page: its script is the one Deque.AxeCore.Commons
/// carries (restored from NuGet like every test tool, never committed), injected and run through WebDriver.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        using var stream = typeof(Deque.AxeCore.Commons.AxeResult).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js is not in Deque.AxeCore.Commons");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The serious and critical violations on the page as it is now, one line each (rule, help, how many nodes, the first few).</summary>
    public static IReadOnlyList<string> SeriousViolations(ConsoleBrowser browser)
    {
        var driver = (IJavaScriptExecutor)browser.Driver;
        browser.Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
        driver.ExecuteScript(Source.Value);
        var found = driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} nodes: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)))
              .catch(e => done(['axe failed: ' + e]));
            """);
        return ((IEnumerable<object>?)found ?? []).Select(o => o.ToString()!).ToList();
    }
}
