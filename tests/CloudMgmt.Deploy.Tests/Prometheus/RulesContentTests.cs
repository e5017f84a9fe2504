namespace CloudMgmt.Deploy.Tests.Prometheus;

/// <summary>What every rule must carry, and that rules speak only the metrics contract.</summary>
public sealed class RulesContentTests
{
    private static readonly string[] Severities = ["critical", "warning", "info"];

    [Fact]
    public void Alerts_Each_HasSeverityLabelAndSummaryAndDescription()
    {
        var alerts = RulesFile.Load().Alerts;

        Assert.NotEmpty(alerts);
        Assert.All(alerts, a =>
        {
            Assert.Contains(a.Labels.GetValueOrDefault("severity"), Severities);
            Assert.False(string.IsNullOrWhiteSpace(a.Annotations.GetValueOrDefault("summary")), $"{a.Name}: summary");
            Assert.False(string.IsNullOrWhiteSpace(a.Annotations.GetValueOrDefault("description")), $"{a.Name}: description");
        });
    }

    [Fact]
    public void Alerts_Shipped_CoverTheConditionsTheIssueNames()
    {
        var names = RulesFile.Load().Alerts.Select(a => a.Name).ToHashSet();

        // Superset(expected subset, actual): the shipped alerts include at least these (more may come).
        Assert.Superset(new HashSet<string>
        {
            "CloudMgmtTenantLowUsageEfficiency", "CloudMgmtCloudUnreachable", "CloudMgmtCloudBreakerOpen",
            "CloudMgmtReconcileStalled", "CloudMgmtReconcileFailing", "CloudMgmtReconcileSlow",
            "CloudMgmtPoolNearExhaustion", "CloudMgmtLeakedGrantsFound", "CloudMgmtGrantsStuck", "CloudMgmtPoolBudgetForecastExceeded",
        }, names);
    }

    [Fact]
    public void Expressions_All_UseOnlyContractMetricsAndDefinedRecordings()
    {
        var rules = RulesFile.Load();
        var contract = MetricsContract.Load();

        Assert.NotEmpty(contract.Names);
        Assert.All(rules.Expressions, expr => Assert.Empty(contract.UnknownNames(expr, rules.Recordings)));
    }

    [Fact]
    public void Recordings_Efficiency_ExistPerTenantAndCloud()
    {
        var recordings = RulesFile.Load().Recordings;

        Assert.Contains("tenant_resource:cloudmgmt_usage_efficiency:ratio", recordings.Keys);
        Assert.Contains("cloud_resource:cloudmgmt_usage_efficiency:ratio", recordings.Keys);
    }
}
