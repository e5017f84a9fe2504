using System.Net;
using Bunit;
using CloudMgmt.Portal.Localization;
using CloudMgmt.Portal.Tests.Infrastructure;

namespace CloudMgmt.Portal.Tests.Requests;

/// <summary>The request page against the real application layer: a request no cloud can hold is the API's 409, shown with each cloud's reason, and nothing is recorded.</summary>
[Collection(ConsoleAppCollection.Name)]
public sealed class RequestCapacityPageTests(ConsoleApp app)
{
    [Fact]
    public async Task Submit_NoCloudInTheRegion_UnplaceableWithEachCloudsReasonAndNothingRecorded()
    {
        await Seed.CloudAsync(app);
        var before = (await app.Operator.GetAsync($"/api/v1/allocations?tenant={ConsoleApp.Clinic}&limit=500").Expect(HttpStatusCode.OK))["items"]!.AsArray().Count;
        await using var bunit = new BunitContext();
        var page = app.Render<Pages.RequestCapacity>(bunit, ConsoleApp.ClinicClerk, Language.Chinese);

        page.Type("amount-vcpu", "2");
        page.Type("request-region", "beijing");
        page.WaitForAssertion(() => Assert.False(page.Find("#request-submit").HasAttribute("disabled")));
        page.Find("#request-submit").Click();

        var problem = page.WaitForElement("#problem");
        Assert.Equal("Unplaceable", problem.GetAttribute("data-kind"));
        Assert.Contains("没有云能容纳", problem.TextContent);
        var verdict = Assert.Single(page.FindAll("#problem-verdicts li"), li => li.TextContent.Contains(Seed.Cloud, StringComparison.Ordinal));
        Assert.Contains("region", verdict.TextContent);
        var after = (await app.Operator.GetAsync($"/api/v1/allocations?tenant={ConsoleApp.Clinic}&limit=500").Expect(HttpStatusCode.OK))["items"]!.AsArray().Count;
        Assert.Equal(before, after);
    }
}
