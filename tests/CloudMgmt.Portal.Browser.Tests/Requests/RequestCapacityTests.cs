using CloudMgmt.Portal.Browser.Tests.Infrastructure;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;

namespace CloudMgmt.Portal.Browser.Tests.Requests;

/// <summary>A department asks for capacity: the dry-run preview first, then one allocation however often submit is clicked.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RequestCapacityTests(ConsoleHost host)
{
    [Fact]
    public async Task Request_DepartmentSeesPreviewThenDoubleClicksSubmit_MakesOneAllocation()
    {
        var before = (await host.AllocationsAsync(host.ClinicKey)).Count;
        using var browser = new ConsoleBrowser(host.BaseAddress);
        browser.SignIn(host.ClinicKey, "/request");
        Assert.Contains(ConsoleHost.Clinic, browser.Find(By.Id("request-tenant")).Text); // a department's requests are its tenant's

        browser.Type("amount-vcpu", "3");
        browser.Type("amount-memoryGiB", "6");

        var outcome = browser.WaitFor(By.Id("preview-outcome"));
        browser.WaitForText(By.Id("preview-path"), ConsoleHost.Health);
        browser.Screenshot("request-preview-en");
        Assert.Equal("Placed", outcome.GetAttribute("data-would-be")); // fits, and a cloud (the built-in sandboxes) takes it
        Assert.Equal(before, (await host.AllocationsAsync(host.ClinicKey)).Count); // the preview changed nothing

        new Actions(browser.Driver).DoubleClick(browser.Find(By.Id("request-submit"))).Perform();

        browser.Until(d => new Uri(d.Url).AbsolutePath.StartsWith("/allocations/", StringComparison.Ordinal) ? d.Url : null, "the new allocation's page");
        browser.WaitFor(By.Id("allocation-status"));
        browser.Script("window.cmNotReloaded = true;");
        browser.Until(d => d.FindElement(By.Id("allocation-status")).GetAttribute("data-status") == "Ready" ? "Ready" : null, "the allocation to reach Ready");
        Assert.Equal(true, browser.Script("return window.cmNotReloaded === true")); // it came live, without a reload
        browser.Screenshot("allocation-en");
        var items = await host.AllocationsAsync(host.ClinicKey);
        Assert.Equal(before + 1, items.Count);
        var made = items.Single(i => new Uri(browser.Url).AbsolutePath.EndsWith(i!["id"]!.GetValue<string>(), StringComparison.Ordinal))!;
        Assert.Equal(ConsoleHost.Clinic, made.Str("tenant"));
        Assert.Equal(3, made.Long("resources.vcpu"));
    }

    [Fact]
    public async Task Request_AboveTheApprovalThreshold_PreviewNamesTheReason()
    {
        var before = (await host.AllocationsAsync(host.HospitalKey)).Count;
        using var browser = new ConsoleBrowser(host.BaseAddress);
        browser.SignIn(host.HospitalKey, "/request");

        browser.Type("amount-vcpu", "12");

        var outcome = browser.WaitFor(By.Id("preview-outcome"));
        Assert.Equal("PendingApproval", outcome.GetAttribute("data-would-be"));
        Assert.Contains(ConsoleHost.Health, browser.WaitFor(By.Id("preview-approval")).Text);
        browser.Type("amount-vcpu", "1000");
        browser.Until(d => d.FindElement(By.Id("preview-outcome")).GetAttribute("data-would-be") == "Rejected" ? "yes" : null, "a rejection");
        Assert.Contains(ConsoleHost.Health, browser.WaitFor(By.Id("preview-shortfalls")).Text);
        Assert.Equal(before, (await host.AllocationsAsync(host.HospitalKey)).Count); // previews made nothing
    }
}
