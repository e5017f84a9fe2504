using CloudMgmt.Deploy.Tests.Infrastructure;

namespace CloudMgmt.Deploy.Tests.Helm;

/// <summary>What `helm template` renders for the default and production values.</summary>
[Collection(DeployToolsCollection.Name)]
public sealed class HelmTemplateTests(DeployTools tools)
{
    [Fact]
    public async Task Template_DefaultValues_RendersCoreObjectsAndNoOptionalOnes()
    {
        var rendered = await Chart.Render(tools);

        Assert.Superset(
            new HashSet<string> { "StatefulSet", "Service", "PodDisruptionBudget", "ConfigMap", "ServiceAccount", "Role", "RoleBinding" },
            rendered.Kinds.ToHashSet());
        Assert.DoesNotContain("ServiceMonitor", rendered.Kinds);
        Assert.DoesNotContain("PrometheusRule", rendered.Kinds);
        Assert.DoesNotContain("ClusterRole", rendered.Kinds);
    }

    [Fact]
    public async Task Template_ProductionValues_RendersMonitoringAndClusterRbac()
    {
        var rendered = await Chart.Render(tools, "--values", Chart.ProductionValues);

        Assert.Superset(
            new HashSet<string>
            {
                "StatefulSet", "Service", "PodDisruptionBudget", "ConfigMap", "ServiceAccount", "Role", "RoleBinding",
                "ClusterRole", "ClusterRoleBinding", "ServiceMonitor", "PrometheusRule",
            },
            rendered.Kinds.ToHashSet());
        Assert.Equal("kube-prometheus-stack", Yaml.Text(rendered.Single("ServiceMonitor"), "metadata.labels.release"));
        var endpoint = Assert.Single(Yaml.Maps(rendered.Single("ServiceMonitor"), "spec.endpoints"));
        Assert.Equal(("http", "/metrics"), (Yaml.Text(endpoint, "port"), Yaml.Text(endpoint, "path")));
    }

    [Fact]
    public async Task Template_ServiceMonitor_SendsTheMetricsKeyFromItsSecret()
    {
        var rendered = await Chart.Render(tools, "--values", Chart.ProductionValues,
            "--set", "metrics.serviceMonitor.bearerTokenSecret.name=prometheus-scrape-key", "--set", "metrics.serviceMonitor.bearerTokenSecret.key=cmk");

        var endpoint = Assert.Single(Yaml.Maps(rendered.Single("ServiceMonitor"), "spec.endpoints"));
        Assert.Equal(("prometheus-scrape-key", "cmk"), (Yaml.Text(endpoint, "bearerTokenSecret.name"), Yaml.Text(endpoint, "bearerTokenSecret.key")));
        Assert.DoesNotContain(rendered.Env, e => Yaml.Text(e, "name") == "Metrics__AllowAnonymous"); // the controller asks for the key
    }

    [Fact]
    public async Task Template_ServiceMonitorDefaults_NameTheSecretTheReadmeMakes()
    {
        var rendered = await Chart.Render(tools, "--values", Chart.ProductionValues);

        var endpoint = Assert.Single(Yaml.Maps(rendered.Single("ServiceMonitor"), "spec.endpoints"));
        Assert.Equal(("cloudmgmt-metrics-key", "token"), (Yaml.Text(endpoint, "bearerTokenSecret.name"), Yaml.Text(endpoint, "bearerTokenSecret.key")));
    }

    [Fact]
    public async Task Template_MetricsAllowAnonymous_NoTokenSentAndTheControllerTold()
    {
        var rendered = await Chart.Render(tools, "--values", Chart.ProductionValues, "--set", "metrics.allowAnonymous=true");

        var endpoint = Assert.Single(Yaml.Maps(rendered.Single("ServiceMonitor"), "spec.endpoints"));
        Assert.Null(Yaml.At(endpoint, "bearerTokenSecret"));
        Assert.Equal("true", Yaml.Text(rendered.EnvVar("Metrics__AllowAnonymous"), "value"));
    }

    [Fact]
    public async Task Template_DeploymentKind_RendersDeploymentThatSurgesBeforeRemoving()
    {
        var rendered = await Chart.Render(tools, "--set", "workload.kind=Deployment");

        var deployment = rendered.Single("Deployment");
        Assert.DoesNotContain("StatefulSet", rendered.Kinds);
        Assert.Equal("0", Yaml.Text(deployment, "spec.strategy.rollingUpdate.maxUnavailable"));
        Assert.Equal("1", Yaml.Text(deployment, "spec.strategy.rollingUpdate.maxSurge"));
    }

    [Theory]
    [InlineData("livenessProbe", "/healthz")]
    [InlineData("readinessProbe", "/readyz")]
    [InlineData("startupProbe", "/healthz")]
    public async Task Template_Probes_UseControllerHealthPathsOnHttpPort(string probe, string path)
    {
        var container = (await Chart.Render(tools)).Container;

        Assert.Equal(path, Yaml.Text(container, $"{probe}.httpGet.path"));
        Assert.Equal("http", Yaml.Text(container, $"{probe}.httpGet.port"));
    }

    [Fact]
    public async Task Template_ApiService_ForwardsPort8080NamedHttpToTheContainerPort()
    {
        var rendered = await Chart.Render(tools);

        var api = rendered.OfKind("Service").Single(s => Yaml.Text(s, "spec.clusterIP") != "None");
        var port = Assert.Single(Yaml.Maps(api, "spec.ports"));
        Assert.Equal(("http", "8080", "http"), (Yaml.Text(port, "name"), Yaml.Text(port, "port"), Yaml.Text(port, "targetPort")));
        var containerPorts = Yaml.Maps(rendered.Container, "ports").ToDictionary(p => Yaml.Text(p, "name")!, p => Yaml.Text(p, "containerPort"));
        Assert.Equal(new Dictionary<string, string?> { ["http"] = "8080", ["silo"] = "11111", ["gateway"] = "30000" }, containerPorts);
    }

    [Fact]
    public async Task Template_OrleansHosting_PodLabelsAndDownwardApiEnv()
    {
        var rendered = await Chart.Render(tools, "--values", Chart.ProductionValues);

        Assert.Equal("cloudmgmt", Yaml.Text(rendered.Workload, "spec.template.metadata.labels.orleans/serviceId"));
        Assert.Equal("cloudmgmt-prod", Yaml.Text(rendered.Workload, "spec.template.metadata.labels.orleans/clusterId"));
        Assert.Equal("metadata.name", Yaml.Text(rendered.EnvVar("POD_NAME"), "valueFrom.fieldRef.fieldPath"));
        Assert.Equal("metadata.namespace", Yaml.Text(rendered.EnvVar("POD_NAMESPACE"), "valueFrom.fieldRef.fieldPath"));
        Assert.Equal("status.podIP", Yaml.Text(rendered.EnvVar("POD_IP"), "valueFrom.fieldRef.fieldPath"));
    }

    [Theory]
    [InlineData("Cluster__Mode", "postgres")]
    [InlineData("Cluster__ClusterId", "cloudmgmt-prod")]
    [InlineData("Cluster__ServiceId", "cloudmgmt")]
    [InlineData("Cluster__MigrateOnStart", "true")]
    [InlineData("Cluster__ShutdownTimeout", "00:00:45")]
    [InlineData("Cluster__DrainDelay", "00:00:05")]
    [InlineData("Cluster__KubernetesHosting", "true")]
    [InlineData("Orleans__SiloPort", "11111")]
    [InlineData("Orleans__GatewayPort", "30000")]
    [InlineData("Reconcile__GrantInterval", "00:00:10")]
    [InlineData("Placement__PolicyFile", "/etc/cloudmgmt/policies/placement.yaml")]
    public async Task Template_ProductionValues_SetsControllerSetting(string name, string value)
    {
        var rendered = await Chart.Render(tools, "--values", Chart.ProductionValues);

        Assert.Equal(value, Yaml.Text(rendered.EnvVar(name), "value"));
    }

    [Fact]
    public async Task Template_MigrateOnStartOff_PassesFalse()
    {
        var rendered = await Chart.Render(tools, "--set", "database.migrateOnStart=false");

        Assert.Equal("false", Yaml.Text(rendered.EnvVar("Cluster__MigrateOnStart"), "value"));
    }

    [Fact]
    public async Task Template_ManageOwnCluster_GrantsAdapterAndOrleansPermissions()
    {
        var rendered = await Chart.Render(tools, "--set", "rbac.manageOwnCluster=true");

        var clusterRules = Yaml.Maps(rendered.Single("ClusterRole"), "rules").ToList();
        Assert.Contains(clusterRules, r => Grants(r, "", "namespaces", "create") && Grants(r, "", "resourcequotas", "update") && Grants(r, "", "limitranges", "delete"));
        Assert.Contains(clusterRules, r => Grants(r, "", "nodes", "list"));
        Assert.Contains(clusterRules, r => Grants(r, "metrics.k8s.io", "pods", "get"));
        var orleansRules = Yaml.Maps(rendered.Single("Role"), "rules").ToList();
        Assert.All(new[] { "get", "list", "watch", "delete" }, verb => Assert.Contains(orleansRules, r => Grants(r, "", "pods", verb)));
        var binding = rendered.Single("ClusterRoleBinding");
        Assert.Equal(Yaml.Text(rendered.Single("ServiceAccount"), "metadata.name"), Yaml.Text(Yaml.Maps(binding, "subjects").Single(), "name"));
    }

    [Fact]
    public async Task Template_ElasticPolicyGiven_ReplacesTheShippedOneAndIsNamedInEnv()
    {
        var with = await Chart.Render(tools, "--set", "policies.elastic=kind: ElasticPolicy");

        Assert.Equal("kind: ElasticPolicy\n", Yaml.Entry(Yaml.At(with.Single("ConfigMap"), "data"), "elastic.yaml"));
        Assert.Equal("/etc/cloudmgmt/policies/elastic.yaml", Yaml.Text(with.EnvVar("Elastic__PolicyFile"), "value"));
    }

    private static bool Grants(Dictionary<object, object?> rule, string apiGroup, string resource, string verb) =>
        Yaml.List(rule, "apiGroups").Contains(apiGroup) && Yaml.List(rule, "resources").Contains(resource) && Yaml.List(rule, "verbs").Contains(verb);
}
