using CloudMgmt.Portal.Browser.Tests.Infrastructure;
using OpenQA.Selenium;

namespace CloudMgmt.Portal.Browser.Tests.Accessibility;

/// <summary>
/// Every page of the console, signed in as an unscoped operator (who sees every page and every
/// form), in both languages: axe-core finds no serious or critical violation, and each page is
/// saved as a screenshot (page-{name}-{language}.png) with the test's artefacts.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccessibilityTests(ConsoleHost host)
{
    public static TheoryData<string> Languages => new() { "en", "zh-CN" };

    private static readonly (string Name, string Path)[] Pages =
    [
        ("overview", "/"), ("quota", "/quota"), ("request", "/request"), ("allocations", "/allocations"), ("approvals", "/approvals"),
        ("clouds", "/clouds"), ("efficiency", "/efficiency"), ("audit", "/audit"), ("keys", "/keys"),
    ];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task EveryPage_Axe_NoSeriousOrCriticalViolation(string language)
    {
        var token = await host.IssueKeyAsync(new { role = "operator", name = $"axe-{language}" });
        using var browser = new ConsoleBrowser(host.BaseAddress, language == "en" ? "en-US,en;q=0.9" : "zh-CN,zh;q=0.9");
        var found = new List<string>();
        browser.Open("/signin");
        browser.WaitFor(By.Id("token"));
        found.AddRange(Axe.SeriousViolations(browser).Select(v => $"signin: {v}"));
        browser.Screenshot($"page-signin-{language}");

        browser.SignIn(token);
        foreach (var (name, path) in Pages)
        {
            browser.Open(path);
            browser.WaitFor(By.TagName("h1"));
            browser.WaitUntilInteractive();
            found.AddRange(Axe.SeriousViolations(browser).Select(v => $"{name}: {v}"));
            browser.Screenshot($"page-{name}-{language}");
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
