using System.Net;
using CloudMgmt.Portal.Browser.Tests.Infrastructure;
using OpenQA.Selenium;

namespace CloudMgmt.Portal.Browser.Tests.Requests;

/// <summary>A department never sees another tenant's data in the console, addresses typed by hand included.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class TenantIsolationTests(ConsoleHost host)
{
    [Fact]
    public async Task Allocations_DepartmentTypesNeighboursAddress_ReadsAsNotFound()
    {
        using var hospital = host.Api(host.HospitalKey);
        var theirs = (await hospital.PostWithKey("/api/v1/allocations", new { resources = new { vcpu = 1 } }, "isolation-" + Guid.NewGuid().ToString("N"))
            .Expect(HttpStatusCode.Created)).Str("id");
        using var browser = new ConsoleBrowser(host.BaseAddress);
        browser.SignIn(host.ClinicKey, $"/allocations/{theirs}");

        browser.WaitFor(By.Id("allocation-missing"));
        Assert.DoesNotContain(ConsoleHost.Hospital, browser.Find(By.TagName("main")).Text);

        browser.Open($"/allocations?tenant={ConsoleHost.Hospital}");
        browser.WaitFor(By.Id("allocations"));
        Assert.Empty(browser.FindAll(By.CssSelector($"[data-allocation='{theirs}']")));
        Assert.DoesNotContain(theirs, browser.Find(By.TagName("main")).Text);

        browser.Open("/allocations");
        browser.WaitFor(By.Id("allocations"));
        Assert.Empty(browser.FindAll(By.CssSelector($"[data-allocation='{theirs}']")));
        browser.Screenshot("allocations-department-en");
    }
}
