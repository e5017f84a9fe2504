using CloudMgmt.Portal.Browser.Tests.Infrastructure;
using OpenQA.Selenium;

namespace CloudMgmt.Portal.Browser.Tests.Efficiency;

/// <summary>
/// The efficiency and reclaim page in a real browser on a fresh controller (no closed hour metered
/// yet, no grant idle long enough): the report's choices reach the application layer and back, in both
/// languages. The figures, the CSV and protect/postpone are the component tests' (seeded usage and idle grants).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class EfficiencyTests(ConsoleHost host)
{
    [Fact]
    public void Efficiency_ScopedOperatorChangesGroupingAndWindow_ReportAnswersEachTime()
    {
        using var browser = new ConsoleBrowser(host.BaseAddress);
        browser.SignIn(host.HealthOperatorKey, "/efficiency");
        browser.WaitForText(By.TagName("h1"), "Efficiency and reclaim");
        var window = browser.WaitFor(By.Id("report-window-shown")).Text;
        browser.WaitFor(By.Id("idle"));

        browser.Choose("report-by", "Pool");
        browser.Choose("report-window", "Last 7 days");

        browser.Until(d => d.FindElement(By.Id("report-window-shown")).Text != window ? "changed" : null, "the report's window to change");
        Assert.Contains("00:00", browser.Find(By.Id("report-window-shown")).Text); // whole days
        Assert.True(browser.Find(By.Id("report-csv")).Enabled);
        browser.Screenshot("efficiency-en");
    }

    [Fact]
    public void Efficiency_DepartmentInChinese_SeesTheReportAndNoReclaimActions()
    {
        using var browser = new ConsoleBrowser(host.BaseAddress, "zh-CN,zh;q=0.9");
        browser.SignIn(host.ClinicKey, "/efficiency");
        browser.WaitForText(By.TagName("h1"), "效率与回收");
        browser.WaitFor(By.Id("report-window-shown"));
        browser.WaitForText(By.Id("idle"), "闲置");
        Assert.Empty(browser.FindAll(By.CssSelector("[id^='protect-'], [id^='postpone-']")));
        browser.Screenshot("efficiency-zh-CN");
    }
}
