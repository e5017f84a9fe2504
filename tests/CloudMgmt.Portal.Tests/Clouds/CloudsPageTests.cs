using System.Net;
using Bunit;
using CloudMgmt.Portal.Localization;
using CloudMgmt.Portal.Pages;
using CloudMgmt.Portal.Tests.Infrastructure;
using MudBlazor;

namespace CloudMgmt.Portal.Tests.Clouds;

/// <summary>
/// The Clouds page rendered against the real application layer: what each kind of principal sees
/// (only unscoped operators see how a cloud is reached, the register form and drain; only unscoped
/// operators and viewers the breaker, as /metrics), and what registering, its dry run and drain change.
/// </summary>
[Collection(ConsoleAppCollection.Name)]
public sealed class CloudsPageTests(ConsoleApp app)
{
    private const string Cloud = Seed.Cloud;

    private Task EnsureCloudAsync() => Seed.CloudAsync(app);

    [Fact]
    public async Task Clouds_UnscopedOperator_SeesEndpointBreakerZonesAndManages()
    {
        await using var bunit = new BunitContext();
        await EnsureCloudAsync();
        var page = app.Render<Pages.Clouds>(bunit, ConsoleApp.UnscopedOperator);

        var card = page.WaitForElement($"[data-cloud='{Cloud}']");
        Assert.Equal("healthy", card.GetAttribute("data-state"));
        Assert.Equal("closed", card.QuerySelector("[data-breaker]")!.GetAttribute("data-breaker"));
        Assert.NotEmpty(card.QuerySelectorAll("[data-zone]"));
        Assert.NotNull(card.QuerySelector("[data-resource='vcpu']"));
        Assert.NotNull(page.Find("#cloud-register"));
        Assert.NotNull(page.Find($"#drain-{Cloud}"));
    }

    [Theory]
    [InlineData("department")]
    [InlineData("scoped-operator")]
    [InlineData("viewer")]
    public async Task Clouds_NotUnscopedOperator_SeesCapacityButNoEndpointFormOrDrain(string who)
    {
        await using var bunit = new BunitContext();
        await EnsureCloudAsync();
        var principal = who switch
        {
            "department" => ConsoleApp.ClinicClerk,
            "scoped-operator" => ConsoleApp.HealthOperator,
            _ => ConsoleApp.Viewer,
        };
        var page = app.Render<Pages.Clouds>(bunit, principal);

        var card = page.WaitForElement($"[data-cloud='{Cloud}']");
        Assert.NotEmpty(card.QuerySelectorAll("[data-zone]"));
        Assert.Empty(page.FindAll("#cloud-register"));
        Assert.Empty(page.FindAll($"#drain-{Cloud}, #undrain-{Cloud}"));
        Assert.Empty(card.QuerySelectorAll("[data-endpoint]"));
        Assert.Equal(who == "viewer", card.QuerySelector("[data-breaker]") is not null); // as /metrics: unscoped viewers and operators only
    }

    [Fact]
    public async Task Clouds_TestConnectionThenRegister_DryRunStoresNothingRegisterStoresIt()
    {
        await using var bunit = new BunitContext();
        var page = app.Render<Pages.Clouds>(bunit, ConsoleApp.UnscopedOperator);
        page.Type("cloud-id", "bunit-new");
        await page.InvokeAsync(() => page.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync("sandbox"));
        page.Type("cloud-region", "anhui");
        page.Type("cloud-labels", "architecture=aarch64\nxinchuang=true");

        page.Find("#cloud-test").Click();
        var probe = page.WaitForElement("#cloud-probe");
        Assert.Equal("true", probe.GetAttribute("data-healthy"));
        Assert.NotEmpty(probe.QuerySelectorAll("[data-zone]"));
        await app.Operator.GetAsync("/api/v1/clouds/bunit-new").Expect(HttpStatusCode.NotFound);

        page.Find("#cloud-submit").Click();
        page.WaitForElement("#cloud-registered");
        var stored = await app.Operator.GetAsync("/api/v1/clouds/bunit-new").Expect(HttpStatusCode.OK);
        Assert.Equal("true", stored["labels"]!["xinchuang"]!.GetValue<string>());
        page.WaitForElement("[data-cloud='bunit-new']");
    }

    [Fact]
    public async Task Clouds_LabelLineWithoutEquals_RefusedBeforeAnyCall()
    {
        await using var bunit = new BunitContext();
        var page = app.Render<Pages.Clouds>(bunit, ConsoleApp.UnscopedOperator, Language.Chinese);
        page.Type("cloud-id", "bunit-bad");
        page.Type("cloud-labels", "architecture aarch64");

        page.Find("#cloud-test").Click();

        var problem = page.WaitForElement("#problem");
        Assert.Contains("每行一个 键=值", problem.TextContent);
        Assert.Empty(page.FindAll("#cloud-probe"));
    }

    [Fact]
    public async Task Clouds_DrainConfirmedThenUndrain_ApiShowsEachAndAuditRecordsThem()
    {
        await using var bunit = new BunitContext();
        await EnsureCloudAsync();
        var page = app.Render<Pages.Clouds>(bunit, ConsoleApp.UnscopedOperator);

        page.WaitForElement($"#drain-{Cloud}").Click();
        app.Confirm(bunit, "Drain");
        page.WaitForElement($"#undrain-{Cloud}");
        Assert.True((await app.Operator.GetAsync($"/api/v1/clouds/{Cloud}").Expect(HttpStatusCode.OK))["drained"]!.GetValue<bool>());

        page.Find($"#undrain-{Cloud}").Click();
        app.Confirm(bunit, "Undrain");
        page.WaitForElement($"#drain-{Cloud}");
        Assert.False((await app.Operator.GetAsync($"/api/v1/clouds/{Cloud}").Expect(HttpStatusCode.OK))["drained"]!.GetValue<bool>());

        var audit = (await app.Operator.GetAsync($"/api/v1/audit?target=cloud:{Cloud}&limit=50").Expect(HttpStatusCode.OK)).ToJsonString();
        Assert.Contains("cloud.drain", audit);
        Assert.Contains("cloud.undrain", audit);
        Assert.Contains("province-operator", audit); // done as the signed-in principal, not as the console
    }
}
