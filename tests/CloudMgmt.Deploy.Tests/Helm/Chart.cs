using CloudMgmt.Deploy.Tests.Infrastructure;

namespace CloudMgmt.Deploy.Tests.Helm;

/// <summary>The chart rendered by `helm template`, and the rendered objects read as YAML.</summary>
internal static class Chart
{
    public const string Release = "cm";
    public const string Namespace = "cloudmgmt";

    public static string ProductionValues => Path.Combine(RepoPaths.ChartDir, "values-production.yaml");

    public static Task<ProcessResult> Template(DeployTools tools, params string[] arguments) =>
        tools.RunHelm(["template", Release, RepoPaths.ChartDir, "--namespace", Namespace, .. arguments]);

    public static async Task<Rendered> Render(DeployTools tools, params string[] arguments)
    {
        var result = await Template(tools, arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return new Rendered(Yaml.ParseDocuments(result.StandardOutput));
    }
}

/// <summary>Rendered Kubernetes objects.</summary>
internal sealed class Rendered(IReadOnlyList<Dictionary<object, object?>> objects)
{
    public IReadOnlyList<Dictionary<object, object?>> Objects => objects;

    public IEnumerable<string> Kinds => objects.Select(o => Yaml.Text(o, "kind") ?? "");

    public IEnumerable<Dictionary<object, object?>> OfKind(string kind) => objects.Where(o => Yaml.Text(o, "kind") == kind);

    public Dictionary<object, object?> Single(string kind) => Assert.Single(OfKind(kind));

    public Dictionary<object, object?> Workload => Assert.Single(objects, o => Yaml.Text(o, "kind") is "StatefulSet" or "Deployment");

    public Dictionary<object, object?> Container => Assert.Single(Yaml.Maps(Workload, "spec.template.spec.containers"));

    public IReadOnlyList<Dictionary<object, object?>> Env => Yaml.Maps(Container, "env").ToList();

    public Dictionary<object, object?> EnvVar(string name) => Assert.Single(Env, e => Yaml.Text(e, "name") == name);
}
