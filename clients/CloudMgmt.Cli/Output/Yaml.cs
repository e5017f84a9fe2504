using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace CloudMgmt.Cli.Output;

/// <summary>YAML of the same tree -o json prints, field for field (strings that would read back as numbers or booleans are quoted).</summary>
internal static class Yaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder().WithQuotingNecessaryStrings().Build();

    public static string From(JsonNode? node) => Serializer.Serialize(Plain(node));

    private static object? Plain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => Plain(p.Value)),
        JsonArray a => a.Select(Plain).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when v.TryGetValue<long>(out var l) => l,
            JsonValueKind.Number => v.GetValue<double>(),
            _ => v.ToJsonString(),
        },
        _ => null,
    };
}
