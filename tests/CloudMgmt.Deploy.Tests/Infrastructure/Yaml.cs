using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace CloudMgmt.Deploy.Tests.Infrastructure;

/// <summary>
/// YAML read into plain nodes: maps are <c>Dictionary&lt;object, object?&gt;</c>, sequences
/// <c>List&lt;object?&gt;</c>, scalars strings. Small helpers walk them by path.
/// </summary>
internal static class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public static object? Parse(string text) => Deserializer.Deserialize<object?>(text);

    public static IReadOnlyList<Dictionary<object, object?>> ParseDocuments(string text)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        var documents = new List<Dictionary<object, object?>>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (Deserializer.Deserialize<object?>(parser) is Dictionary<object, object?> document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    /// <summary>The node at a dotted path of map keys ("spec.template.spec"), or null.</summary>
    public static object? At(object? node, string path)
    {
        foreach (var key in path.Split('.'))
        {
            if (node is not Dictionary<object, object?> map || !map.TryGetValue(key, out node))
            {
                return null;
            }
        }

        return node;
    }

    public static string? Text(object? node, string path) => At(node, path) as string;

    /// <summary>One map entry whose key itself contains dots ("placement.yaml").</summary>
    public static string? Entry(object? map, string key) =>
        map is Dictionary<object, object?> m && m.TryGetValue(key, out var value) ? value as string : null;

    public static IReadOnlyList<object?> List(object? node, string path) => At(node, path) as List<object?> ?? [];

    public static IEnumerable<Dictionary<object, object?>> Maps(object? node, string path) =>
        List(node, path).OfType<Dictionary<object, object?>>();
}
