using System.Net;
using CloudMgmt.Portal.Browser.Tests.Infrastructure;
using OpenQA.Selenium;

namespace CloudMgmt.Portal.Browser.Tests.Requests;

/// <summary>
/// A request above the pool's approval threshold: the department waits on its allocation's page, a
/// scoped operator approves it from the queue, and the department's page reaches Ready by itself.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ApprovalFlowTests(ConsoleHost host)
{
    [Fact]
    public async Task Approval_ScopedOperatorApprovesFromQueue_DepartmentSeesReadyWithoutReload()
    {
        using var department = new ConsoleBrowser(host.BaseAddress);
        department.SignIn(host.HospitalKey, "/request");
        department.Type("amount-vcpu", "10");
        department.Until(d => d.FindElement(By.Id("preview-outcome")).GetAttribute("data-would-be") == "PendingApproval" ? "yes" : null, "the approval preview");
        department.Find(By.Id("request-submit")).Click();
        department.Until(d => d.FindElements(By.Id("allocation-status")).FirstOrDefault()?.GetAttribute("data-status") == "PendingApproval" ? "yes" : null,
            "the allocation waiting for approval");
        var id = new Uri(department.Url).AbsolutePath.Split('/')[^1];
        Assert.Empty(department.FindAll(By.Id($"approve-{id}"))); // a department cannot approve its own request
        department.Script("window.cmNotReloaded = true;");

        using var operatorBrowser = new ConsoleBrowser(host.BaseAddress, "zh-CN,zh;q=0.9");
        operatorBrowser.SignIn(host.HealthOperatorKey, "/approvals");
        operatorBrowser.WaitFor(By.CssSelector($"[data-waiting='{id}']"));
        operatorBrowser.Screenshot("approvals-zh-CN");
        operatorBrowser.Type($"reason-{id}", "季度预算已批复 budget approved");
        operatorBrowser.Find(By.Id($"approve-{id}")).Click();
        operatorBrowser.Until(d => d.FindElements(By.CssSelector($"[data-waiting='{id}']")).Count == 0 ? "gone" : null, "the queue to drop it");

        department.Until(d => d.FindElement(By.Id("allocation-status")).GetAttribute("data-status") == "Ready" ? "yes" : null, "Ready on the department's page");
        Assert.Equal(true, department.Script("return window.cmNotReloaded === true"));
        Assert.Contains("budget approved", department.Find(By.Id("timeline")).Text);
        Assert.Contains("key:", department.Find(By.Id("timeline")).Text); // who approved it

        using var api = host.Api(host.HospitalKey);
        var allocation = await api.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal("Ready", allocation.Str("status"));
    }

    [Fact]
    public void Approvals_Department_IsRefusedAndSeesNoQueue()
    {
        using var browser = new ConsoleBrowser(host.BaseAddress);
        browser.SignIn(host.ClinicKey, "/approvals");

        browser.WaitFor(By.Id("problem"));
        Assert.Empty(browser.FindAll(By.CssSelector("[data-waiting]")));
        Assert.Empty(browser.FindAll(By.LinkText("Approvals"))); // nor is it in the menu
    }
}
