using System.Net;
using CloudMgmt.Portal.Browser.Tests.Infrastructure;
using OpenQA.Selenium;

namespace CloudMgmt.Portal.Browser.Tests.Requests;

/// <summary>The audit trail in the console: a department sees its own tenant's records, never a neighbour's.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AuditTests(ConsoleHost host)
{
    [Fact]
    public async Task Audit_Department_SeesItsOwnRecordsOnly()
    {
        using var hospital = host.Api(host.HospitalKey);
        using var clinic = host.Api(host.ClinicKey);
        var ours = (await hospital.PostWithKey("/api/v1/allocations", new { resources = new { vcpu = 1 } }, "audit-" + Guid.NewGuid().ToString("N"))
            .Expect(HttpStatusCode.Created)).Str("id");
        var theirs = (await clinic.PostWithKey("/api/v1/allocations", new { resources = new { vcpu = 1 } }, "audit-" + Guid.NewGuid().ToString("N"))
            .Expect(HttpStatusCode.Created)).Str("id");
        using var browser = new ConsoleBrowser(host.BaseAddress);
        browser.SignIn(host.HospitalKey, "/audit");

        browser.Type("audit-action", "allocation.*");
        browser.Find(By.Id("audit-search")).Click();

        browser.WaitForText(By.Id("audit"), ours);
        Assert.DoesNotContain(theirs, browser.Find(By.Id("audit")).Text); // the neighbour's own records are not shown
        browser.Screenshot("audit-department-en");
    }
}
