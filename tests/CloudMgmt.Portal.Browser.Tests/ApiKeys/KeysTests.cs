using CloudMgmt.Portal.Browser.Tests.Infrastructure;
using OpenQA.Selenium;

namespace CloudMgmt.Portal.Browser.Tests.ApiKeys;

/// <summary>Keys from the console: the token shown once, a key no broader than its maker, and a revoked key's open session ended.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class KeysTests(ConsoleHost host)
{
    [Fact]
    public void Keys_ScopedOperatorMakesDepartmentKeyThenRevokesIt_OpenSessionEnds()
    {
        using var operatorBrowser = new ConsoleBrowser(host.BaseAddress);
        operatorBrowser.SignIn(host.HealthOperatorKey, "/keys");
        operatorBrowser.Type("key-tenant", ConsoleHost.Clinic);
        operatorBrowser.Type("key-name", "clinic-night-shift");
        operatorBrowser.Find(By.Id("key-create")).Click();

        var token = operatorBrowser.WaitFor(By.Id("key-token")).Text;
        Assert.StartsWith("cmk_", token);
        var row = operatorBrowser.WaitForText(By.CssSelector("#keys tbody tr"), "clinic-night-shift");
        var id = row.FindElement(By.CssSelector(".cm-mono")).Text;
        operatorBrowser.Open("/keys");
        operatorBrowser.WaitForText(By.CssSelector("#keys tbody"), "clinic-night-shift");
        Assert.DoesNotContain(token, operatorBrowser.Driver.PageSource); // shown once, never again

        using var clerk = new ConsoleBrowser(host.BaseAddress);
        clerk.SignIn(token, "/allocations");
        Assert.Contains("clinic-night-shift", clerk.Find(By.Id("signed-in-as")).Text);

        operatorBrowser.Find(By.Id($"revoke-{id}")).Click();
        operatorBrowser.WaitFor(By.CssSelector(".mud-dialog .mud-button-filled, .mud-dialog button:last-child")).Click();
        operatorBrowser.Until(d => d.FindElements(By.CssSelector("[data-key-status='revoked']")).Count > 0 ? "yes" : null, "the key shown revoked");

        clerk.WaitFor(By.Id("signin-ended")); // the open page turned to sign-in by itself
        Assert.Equal("/signin", new Uri(clerk.Url).AbsolutePath);
    }

    [Fact]
    public void Keys_ScopedOperatorAsksForWholeTreeOperatorKey_RefusedAndNoTokenShown()
    {
        using var browser = new ConsoleBrowser(host.BaseAddress);
        browser.SignIn(host.HealthOperatorKey, "/keys");
        browser.Choose("key-role", "operator");
        browser.Type("key-name", "too-broad");
        browser.Find(By.Id("key-create")).Click();

        browser.WaitFor(By.Id("problem"));
        Assert.Empty(browser.FindAll(By.Id("key-token")));
        browser.Screenshot("keys-en");
    }
}
