using CloudMgmt.Deploy.Tests.Infrastructure;
using YamlDotNet.Serialization;

namespace CloudMgmt.Deploy.Tests.Prometheus;

/// <summary>The dashboard's queries parse as PromQL, use only the contract, and cover the views the issue asks for.</summary>
[Collection(DeployToolsCollection.Name)]
public sealed class GrafanaDashboardTests(DeployTools tools)
{
    [Fact]
    public void Queries_All_UseOnlyContractMetricsAndDefinedRecordings()
    {
        var queries = GrafanaDashboard.Queries();
        var contract = MetricsContract.Load();
        var recordings = RulesFile.Load().Recordings;

        Assert.NotEmpty(queries);
        Assert.All(queries, q => Assert.Empty(contract.UnknownNames(q.Expr, recordings)));
    }

    [Fact]
    public void Queries_Shipped_ShowCapacityGrantsUseEfficiencyAdmissionsReconcileAndBreakers()
    {
        var all = string.Join('\n', GrafanaDashboard.Queries().Select(q => q.Expr));

        Assert.All(
            new[]
            {
                "cloudmgmt_cloud_capacity", "cloudmgmt_cloud_granted", "cloudmgmt_cloud_used",
                "tenant_resource:cloudmgmt_usage_efficiency:ratio", "cloudmgmt_admissions",
                "cloudmgmt_reconcile_pass_duration_seconds", "cloudmgmt_reconcile_passes_total", "cloudmgmt_cloud_breaker_state",
            },
            name => Assert.Contains(name, all));
    }

    [Fact]
    public async Task Queries_All_ParseAsPromQlForPromtool()
    {
        // promtool parses every expression of a rules file; each query becomes one recording rule.
        var queries = GrafanaDashboard.Queries();
        var rules = new Dictionary<string, object>
        {
            ["groups"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["name"] = "dashboard",
                    ["rules"] = queries.Select((q, i) => new Dictionary<string, string> { ["record"] = $"dashboard:query_{i}", ["expr"] = GrafanaDashboard.Concrete(q.Expr) }).ToList(),
                },
            },
        };
        var work = Directory.CreateTempSubdirectory("cloudmgmt-dashboard-");
        try
        {
            File.WriteAllText(Path.Combine(work.FullName, "dashboard-rules.yaml"), new SerializerBuilder().Build().Serialize(rules));

            var result = await tools.RunPromtool(work.FullName, "check", "rules", "dashboard-rules.yaml");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains($"SUCCESS: {queries.Count} rules found", result.Combined);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
