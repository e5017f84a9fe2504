using CloudMgmt.Client.Models;
using CloudMgmt.Client.Problems;
using CloudMgmt.Client.Tests.Infrastructure;

namespace CloudMgmt.Client.Tests;

[Collection(ControllerCollection.Name)]
public sealed class CloudsKeysReportsTests(ControllerFixture fixture)
{
    private readonly CloudMgmtClient _cm = fixture.Operator;

    [Fact]
    public async Task Clouds_RegisterDrainUndrainReconcileRemove_EachShowsTheCloudsNewState()
    {
        var id = Ids.New("sbx");
        var registered = await _cm.Clouds.RegisterAsync(new NewCloud
        {
            Id = id, Kind = "sandbox", Region = "anhui",
            Labels = new Dictionary<string, string> { ["securityLevel"] = "3" },
            Settings = new Dictionary<string, string> { ["preset"] = "xinchuang-arm" },
        });
        Assert.Equal("3", registered.Labels["securityLevel"]);

        Assert.True((await _cm.Clouds.DrainAsync(id)).Drained);
        Assert.False((await _cm.Clouds.UndrainAsync(id)).Drained);
        var reconciled = await _cm.Clouds.ReconcileAsync(id);
        Assert.True(reconciled.Health!.Healthy);
        Assert.True(reconciled.Capacity["vcpu"] > 0);
        Assert.Contains(await _cm.Clouds.ListAsync(), c => c.Id == id);

        await _cm.Clouds.RemoveAsync(id);
        await Assert.ThrowsAsync<NotFoundException>(() => _cm.Clouds.GetAsync(id));
    }

    [Fact]
    public async Task Keys_CreateListRevoke_TheTokenIsShownOnceAndStopsWorking()
    {
        var key = await _cm.Keys.CreateAsync(new NewApiKey { Role = ApiKeyRoles.Viewer, Name = "dashboard" });
        using var viewer = fixture.Client(key.Token);
        await viewer.Pools.ListAsync();

        var listed = Assert.Single(await _cm.Keys.ListAsync(), k => k.Id == key.Id);
        Assert.Equal("viewer", listed.Role);
        Assert.DoesNotContain(key.Token, key.ToString(), StringComparison.Ordinal);

        await _cm.Keys.RevokeAsync(key.Id);

        Assert.NotNull(Assert.Single(await _cm.Keys.ListAsync(), k => k.Id == key.Id).RevokedAt);
        await Assert.ThrowsAsync<NotAuthorizedException>(() => viewer.Pools.ListAsync());
    }

    [Fact]
    public async Task EfficiencyReport_JsonAndCsv_CoverTheSameWindow()
    {
        var now = DateTimeOffset.UtcNow;
        var to = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero); // reports run in whole hours
        var query = new EfficiencyQuery { By = "cloud", Step = "hour", From = to.AddHours(-2), To = to };

        var report = await _cm.Reports.EfficiencyAsync(query);
        var csv = await _cm.Reports.EfficiencyCsvAsync(query);

        Assert.Equal("cloud", report.By);
        Assert.Equal("hour", report.Step);
        Assert.Equal(to.AddHours(-2), report.From); // the time went through the query string intact
        Assert.Equal(to, report.To);
        Assert.StartsWith("from,to,by,key,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EfficiencyReport_FromAfterTo_ThrowsInvalidRequestForFrom()
    {
        var now = DateTimeOffset.UtcNow;
        var e = await Assert.ThrowsAsync<InvalidRequestException>(() => _cm.Reports.EfficiencyAsync(
            new EfficiencyQuery { From = now, To = now.AddHours(-1) }));

        Assert.Equal("from", e.Field);
    }
}
