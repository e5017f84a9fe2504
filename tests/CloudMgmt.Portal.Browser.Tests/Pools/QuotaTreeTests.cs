using System.Net;
using CloudMgmt.Portal.Browser.Tests.Infrastructure;
using OpenQA.Selenium;

namespace CloudMgmt.Portal.Browser.Tests.Pools;

/// <summary>The quota tree and the overview, as a scoped operator and as a department see them.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class QuotaTreeTests(ConsoleHost host)
{
    [Fact]
    public async Task QuotaTree_ScopedOperatorEditsPoolBelowItsOwn_InvalidChangeRefusedValidOneSaved()
    {
        const string county = "health-east";
        await host.Operator.Post("/api/v1/pools", new { id = county, parent = ConsoleHost.Health, quota = new { vcpu = 16, memoryGiB = 32 } })
            .Expect(HttpStatusCode.Created);
        using var browser = new ConsoleBrowser(host.BaseAddress);
        browser.SignIn(host.HealthOperatorKey, "/quota");
        browser.WaitFor(By.CssSelector($"[data-pool='{county}']"));
        Assert.Empty(browser.FindAll(By.CssSelector($"[data-pool='{ConsoleHost.Province}']"))); // above its scope
        Assert.Empty(browser.FindAll(By.Id($"edit-{ConsoleHost.Health}"))); // its own pool is managed from above
        Assert.NotEmpty(browser.FindAll(By.CssSelector($"[data-tenant='{ConsoleHost.Clinic}']")));
        browser.Screenshot("quota-en");

        browser.Find(By.Id($"edit-{county}")).Click();
        browser.Type($"pool-quota-vcpu", "-5");
        browser.Find(By.Id("pool-save")).Click();

        Assert.Equal("Invalid", browser.WaitFor(By.Id("problem")).GetAttribute("data-kind"));
        Assert.Equal(16, (await PoolAsync(county)).Long("quota.vcpu")); // nothing saved
        browser.Type("pool-quota-vcpu", "20");
        browser.Find(By.Id("pool-save")).Click();

        browser.WaitForText(By.Id("pool-saved"), county);
        var saved = await PoolAsync(county);
        Assert.Equal(20, saved.Long("quota.vcpu"));
        Assert.Equal(32, saved.Long("quota.memoryGiB")); // what was not touched stays
    }

    [Fact]
    public void QuotaTree_Department_SeesNoEditAndNoNeighbour()
    {
        using var browser = new ConsoleBrowser(host.BaseAddress, "zh-CN");
        browser.SignIn(host.ClinicKey, "/quota");
        browser.WaitFor(By.Id("quota-tree"));

        Assert.Empty(browser.FindAll(By.CssSelector("[id^='edit-']")));
        Assert.Empty(browser.FindAll(By.CssSelector($"[data-tenant='{ConsoleHost.Hospital}']")));
        browser.Screenshot("quota-department-zh-CN");
    }

    [Fact]
    public void Overview_Operator_ChartAndWhatNeedsAttention()
    {
        using var browser = new ConsoleBrowser(host.BaseAddress);
        browser.SignIn(host.HealthOperatorKey, "/");

        browser.WaitFor(By.Id("attention-approvals"));
        browser.WaitFor(By.CssSelector("#pool-chart svg"));
        Assert.Contains(ConsoleHost.Health, browser.Find(By.Id("pool-figures")).Text);
        Assert.DoesNotContain(ConsoleHost.Province, browser.Find(By.Id("pool-figures")).Text);
        browser.Screenshot("overview-en");
        browser.Find(By.Id("language-switch")).Click();
        browser.WaitForText(By.TagName("h1"), "总览");
        browser.Screenshot("overview-zh-CN");
    }

    private async Task<System.Text.Json.Nodes.JsonNode> PoolAsync(string id) =>
        await host.Operator.GetAsync($"/api/v1/pools/{id}").Expect(HttpStatusCode.OK);
}
