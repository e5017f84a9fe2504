using System.Net;
using CloudMgmt.Portal.Browser.Tests.Infrastructure;
using OpenQA.Selenium;

namespace CloudMgmt.Portal.Browser.Tests.Clouds;

/// <summary>
/// The Clouds page in a real browser: an unscoped operator tries a new cloud's connection, registers
/// it and drains it; a department sees the same clouds' capacity and health, and nothing to change.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CloudsTests(ConsoleHost host)
{
    [Fact]
    public async Task Clouds_UnscopedOperatorTestsRegistersAndDrains_ApiAgrees()
    {
        var token = await host.IssueKeyAsync(new { role = "operator", name = "province-cloud-team" });
        using var browser = new ConsoleBrowser(host.BaseAddress);
        browser.SignIn(token, "/clouds");
        var first = browser.WaitFor(By.CssSelector("[data-cloud]"));
        Assert.NotEmpty(first.FindElements(By.CssSelector("[data-zone]")));
        Assert.Equal("closed", first.FindElement(By.CssSelector("[data-breaker]")).GetAttribute("data-breaker"));

        browser.Type("cloud-id", "browser-arm");
        browser.Choose("cloud-kind", "sandbox");
        browser.Type("cloud-region", "anhui");
        browser.Type("cloud-labels", "architecture=aarch64");
        browser.Find(By.Id("cloud-test")).Click();
        Assert.Equal("true", browser.WaitFor(By.Id("cloud-probe")).GetAttribute("data-healthy"));
        browser.Screenshot("clouds-en");
        await host.Operator.GetAsync("/api/v1/clouds/browser-arm").Expect(HttpStatusCode.NotFound); // a dry run stores nothing

        browser.Find(By.Id("cloud-submit")).Click();
        browser.WaitFor(By.Id("cloud-registered"));
        browser.WaitFor(By.CssSelector("[data-cloud='browser-arm']"));
        await host.Operator.GetAsync("/api/v1/clouds/browser-arm").Expect(HttpStatusCode.OK);

        browser.Find(By.Id("drain-browser-arm")).Click();
        browser.Until(d => d.FindElements(By.CssSelector(".mud-dialog button")).FirstOrDefault(b => string.Equals(b.Text.Trim(), "Drain", StringComparison.OrdinalIgnoreCase)), "the drain confirmation").Click();
        browser.WaitFor(By.Id("undrain-browser-arm"));
        Assert.True((await host.Operator.GetAsync("/api/v1/clouds/browser-arm").Expect(HttpStatusCode.OK))["drained"]!.GetValue<bool>());
    }

    [Fact]
    public void Clouds_Department_SeesCapacityAndHealthButNothingToChange()
    {
        using var browser = new ConsoleBrowser(host.BaseAddress, "zh-CN,zh;q=0.9");
        browser.SignIn(host.ClinicKey, "/clouds");
        var cloud = browser.WaitFor(By.CssSelector("[data-cloud]"));
        Assert.NotEmpty(cloud.FindElements(By.CssSelector("[data-zone]")));
        browser.WaitForText(By.TagName("h1"), "云平台");
        Assert.Empty(browser.FindAll(By.Id("cloud-register")));
        Assert.Empty(browser.FindAll(By.CssSelector("[id^='drain-'], [id^='undrain-'], [data-breaker], [data-endpoint]")));
        browser.Screenshot("clouds-zh-CN");
    }
}
