using System.Net;
using Bunit;
using CloudMgmt.Portal.Localization;
using CloudMgmt.Portal.Tests.Infrastructure;

namespace CloudMgmt.Portal.Tests.Efficiency;

/// <summary>
/// The efficiency and reclaim page against the real application layer: the report confined to the
/// caller's part of the tree, its CSV the API's, and idle grants with their reclaim time, which
/// operators protect and postpone (and others only see).
/// </summary>
[Collection(ConsoleAppCollection.Name)]
public sealed class EfficiencyPageTests(ConsoleApp app)
{
    private static bool _seeded;

    private async Task SeedUsageAsync()
    {
        if (!_seeded)
        {
            await Seed.CloudAsync(app);
            await Seed.UsageAsync(app, "bunit-clinic-usage", ConsoleApp.Clinic, ConsoleApp.Health, vcpu: 8, used: 2);
            await Seed.UsageAsync(app, "bunit-school-usage", ConsoleApp.School, ConsoleApp.Education, vcpu: 4, used: 4);
            _seeded = true;
        }
    }

    [Fact]
    public async Task Report_UnscopedOperator_EveryTenantWithItsEfficiency()
    {
        await SeedUsageAsync();
        await using var bunit = new BunitContext();
        var page = app.Render<Pages.Efficiency>(bunit, ConsoleApp.UnscopedOperator);

        var clinic = page.WaitForElement($"#report-rows [data-key='{ConsoleApp.Clinic}']");
        Assert.Equal("25.0 %", clinic.QuerySelector("[data-efficiency='vcpu']")!.TextContent.Trim());
        Assert.Contains("1 vCPU", clinic.TextContent); // 8 for 2 of the window's 24 hours: a mean of 0.67, rounded as the API's JSON
        Assert.Equal("2", clinic.LastElementChild!.TextContent.Trim()); // grant-hours
        Assert.Equal("100.0 %", page.Find($"#report-rows [data-key='{ConsoleApp.School}'] [data-efficiency='vcpu']").TextContent.Trim());
    }

    [Theory]
    [InlineData("department")]
    [InlineData("scoped-operator")]
    public async Task Report_ScopedCaller_OnlyItsPartOfTheTree(string who)
    {
        await SeedUsageAsync();
        await using var bunit = new BunitContext();
        var page = app.Render<Pages.Efficiency>(bunit, who == "department" ? ConsoleApp.ClinicClerk : ConsoleApp.HealthOperator, Language.Chinese);

        page.WaitForElement($"#report-rows [data-key='{ConsoleApp.Clinic}']");
        Assert.Empty(page.FindAll($"[data-key='{ConsoleApp.School}']"));
        Assert.Contains("效率报表", page.Markup);
    }

    [Fact]
    public async Task Csv_Download_IsTheApisCsvForTheSameWindow()
    {
        await SeedUsageAsync();
        await using var bunit = new BunitContext();
        var page = app.Render<Pages.Efficiency>(bunit, ConsoleApp.UnscopedOperator);
        page.WaitForElement("#report-rows");

        page.Find("#report-csv").Click();

        page.WaitForAssertion(() => Assert.Contains(bunit.JSInterop.Invocations, i => i.Identifier == "cloudmgmtConsole.download"));
        var download = Assert.Single(bunit.JSInterop.Invocations, i => i.Identifier == "cloudmgmtConsole.download");
        Assert.Equal("text/csv", download.Arguments[1]);
        var csv = (string)download.Arguments[2]!;
        var hour = Domain.Metering.MeteringCalendar.HourStart(Domain.Metering.MeteringCalendar.HourOf(DateTimeOffset.UtcNow));
        var api = await app.Operator.GetStringAsync(
            $"/api/v1/reports/efficiency?by=tenant&format=csv&from={Uri.EscapeDataString(hour.AddHours(-24).ToString("O"))}&to={Uri.EscapeDataString(hour.ToString("O"))}");
        Assert.Equal(api, csv);
        Assert.Matches($",tenant,{ConsoleApp.Clinic},vcpu,[0-9.]+,[0-9.]+,0.25,0,16,4\n", csv); // 16 vCPU-hours granted, 4 used
        Assert.StartsWith("efficiency-by-tenant-", (string)download.Arguments[0]!);
    }

    [Fact]
    public async Task Idle_OperatorProtectsThenPostpones_ApiShowsEach()
    {
        var id = await Seed.IdleGrantAsync(app, TimeSpan.FromHours(2));
        await using var bunit = new BunitContext();
        var page = app.Render<Pages.Efficiency>(bunit, ConsoleApp.HealthOperator);
        var row = page.WaitForElement($"[data-idle='{id}']");
        var due = DateTimeOffset.Parse(row.QuerySelector("[data-reclaim-at]")!.GetAttribute("data-reclaim-at")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(due - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(100), TimeSpan.FromHours(2));

        page.Find($"#protect-{id}").Click();
        page.WaitForElement($"[data-idle='{id}'][data-protected='true']");
        var protectedView = await app.Operator.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK);
        Assert.True(protectedView["elastic"]!["protected"]!.GetValue<bool>());
        Assert.Null(protectedView["reclaimAt"]);

        page.Find($"#protect-{id}").Click(); // lifted again
        page.WaitForElement($"[data-idle='{id}'][data-protected='false']");
        page.Find($"#postpone-{id}").Click(); // by a day, the default
        page.WaitForAssertion(() => Assert.Contains("postponed", page.Find($"[data-idle='{id}']").TextContent));
        var postponed = await app.Operator.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK);
        Assert.InRange(postponed["reclaimAt"]!.GetValue<DateTimeOffset>() - DateTimeOffset.UtcNow, TimeSpan.FromHours(23), TimeSpan.FromHours(24));
        var audit = (await app.Operator.GetAsync($"/api/v1/audit?target=allocation:{id}&limit=50").Expect(HttpStatusCode.OK)).ToJsonString();
        Assert.Contains("allocation.protect", audit);
        Assert.Contains("allocation.postpone", audit);
    }

    [Fact]
    public async Task Idle_Department_SeesItsIdleGrantButCannotProtectOrPostpone()
    {
        var id = await Seed.IdleGrantAsync(app, TimeSpan.FromHours(5));
        await using var bunit = new BunitContext();
        var page = app.Render<Pages.Efficiency>(bunit, ConsoleApp.ClinicClerk);

        page.WaitForElement($"[data-idle='{id}']");
        Assert.Empty(page.FindAll($"#protect-{id}, #postpone-{id}, #postpone-by"));
    }
}
