using CloudMgmt.Portal.Browser.Tests.Infrastructure;
using OpenQA.Selenium;

namespace CloudMgmt.Portal.Browser.Tests.Session;

/// <summary>The console speaks the browser's language first, and switches in place at any time.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class LanguageTests(ConsoleHost host)
{
    [Fact]
    public void Console_ChineseBrowser_StartsInChineseAndSwitchesToEnglishInPlace()
    {
        using var browser = new ConsoleBrowser(host.BaseAddress, "zh-CN,zh;q=0.9,en;q=0.5");
        browser.Open("/signin");
        browser.WaitForText(By.TagName("h1"), "登录");
        browser.Screenshot("signin-zh-CN");

        browser.SignIn(host.ClinicKey, "/request");
        browser.WaitForText(By.Id("app-title"), "管理控制台");
        Assert.Equal("zh-CN", browser.Script("return document.documentElement.lang"));
        browser.Type("amount-vcpu", "2");
        browser.WaitFor(By.Id("preview-outcome"));
        browser.Screenshot("request-zh-CN");

        browser.Find(By.Id("language-switch")).Click();

        browser.WaitForText(By.Id("app-title"), "CloudMgmt console");
        browser.WaitForText(By.TagName("h1"), "Request capacity");
        Assert.Equal("en", browser.Script("return document.documentElement.lang"));
        Assert.Equal("2", browser.Input("amount-vcpu").GetAttribute("value")); // the page kept its state
        browser.WaitFor(By.Id("preview-outcome"));
        browser.Screenshot("request-en");

        browser.Open("/request"); // the next visit starts in the chosen language
        browser.WaitForText(By.Id("app-title"), "CloudMgmt console");
    }
}
