using CloudMgmt.Portal.Browser.Tests.Infrastructure;
using OpenQA.Selenium;

namespace CloudMgmt.Portal.Browser.Tests.Session;

/// <summary>A metrics key only scrapes /metrics: the console refuses it at sign-in and opens no session.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class MetricsKeyTests(ConsoleHost host)
{
    [Fact]
    public async Task SignIn_MetricsKey_RefusedAndNoSession()
    {
        var token = await host.IssueKeyAsync(new { role = "metrics", name = "prometheus" });
        using var browser = new ConsoleBrowser(host.BaseAddress);
        browser.Open("/signin");
        browser.WaitFor(By.Id("token")).SendKeys(token);
        browser.Find(By.Id("signin-submit")).Click();

        browser.WaitForText(By.Id("signin-error"), "metrics key");
        Assert.Empty(browser.FindAll(By.Id("signed-in-as")));
        browser.Open("/clouds");
        browser.WaitFor(By.Id("token")); // still no session: turned to the sign-in form
        Assert.Equal("/signin", new Uri(browser.Url).AbsolutePath);
    }
}
