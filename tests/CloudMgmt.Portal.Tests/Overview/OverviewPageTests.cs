using System.Net;
using Bunit;
using CloudMgmt.Portal.Localization;
using CloudMgmt.Portal.Tests.Infrastructure;

namespace CloudMgmt.Portal.Tests.Overview;

/// <summary>
/// The overview against the real application layer: clouds with their health (and the breaker for
/// those who may read it), and what needs attention: clouds never checked or unhealthy, grants to be
/// reclaimed within a day, besides approvals and pools near their quota.
/// </summary>
[Collection(ConsoleAppCollection.Name)]
public sealed class OverviewPageTests(ConsoleApp app)
{
    private const string Unchecked = "bunit-unchecked";

    private async Task UncheckedCloudAsync()
    {
        if ((await app.Operator.GetAsync($"/api/v1/clouds/{Unchecked}")).StatusCode == HttpStatusCode.NotFound)
        {
            await app.Operator.Post("/api/v1/clouds", new { id = Unchecked, kind = "sandbox", region = "anhui" }).Expect(HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task Overview_UnscopedOperator_CloudsBreakersAndWhatNeedsAttention()
    {
        await UncheckedCloudAsync();
        await Seed.IdleGrantAsync(app, TimeSpan.FromHours(3));
        await using var bunit = new BunitContext();
        var page = app.Render<Pages.Overview>(bunit, ConsoleApp.UnscopedOperator);

        var row = page.WaitForElement($"[data-cloud-row='{Seed.Cloud}']");
        Assert.Equal("healthy", row.QuerySelector("[data-health]")!.GetAttribute("data-health"));
        Assert.Contains("closed", row.TextContent);
        Assert.NotNull(page.Find($"[data-attention-cloud='{Unchecked}']"));
        Assert.Empty(page.FindAll($"[data-attention-cloud='{Seed.Cloud}']"));
        Assert.Matches("^[1-9][0-9]* idle grants to be reclaimed within a day$", page.Find("#attention-reclaim").TextContent.Trim());
    }

    [Fact]
    public async Task Overview_Department_CloudsWithoutBreakersInChinese()
    {
        await UncheckedCloudAsync();
        await Seed.CloudAsync(app);
        await using var bunit = new BunitContext();
        var page = app.Render<Pages.Overview>(bunit, ConsoleApp.ClinicClerk, Language.Chinese);

        var row = page.WaitForElement($"[data-cloud-row='{Seed.Cloud}']");
        Assert.Equal("健康", row.QuerySelector("[data-health]")!.TextContent.Trim());
        Assert.DoesNotContain("闭合", row.TextContent); // the breaker is for those who may read /metrics
        Assert.Contains("熔断器 —", page.Find($"[data-attention-cloud='{Unchecked}']").TextContent);
    }
}
