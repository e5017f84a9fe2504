using System.Text.Json.Nodes;

namespace CloudMgmt.Client.Tests.Contract;

/// <summary>One operation of the served OpenAPI document, as the contract test compares it.</summary>
internal sealed record ApiOperation(
    string Method, string Path, IReadOnlyDictionary<string, (string In, JsonNode? Schema)> Parameters, JsonNode? RequestSchema,
    IReadOnlyList<string> RequestTypes, JsonNode? ResponseSchema)
{
    public string Key => $"{Method} {Path}";
}

/// <summary>Reads operations and resolves schema references in the document the controller serves at /openapi/v1.json.</summary>
internal sealed class OpenApiDocument(JsonNode root)
{
    public IEnumerable<ApiOperation> Operations()
    {
        foreach (var (path, item) in root["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var parameters = (operation!["parameters"]?.AsArray() ?? [])
                    .ToDictionary(p => p!["name"]!.GetValue<string>(), p => (p!["in"]!.GetValue<string>(), p["schema"]), StringComparer.Ordinal);
                var content = operation["requestBody"]?["content"]?.AsObject();
                var request = content?.Where(c => c.Key.EndsWith("json", StringComparison.Ordinal)).Select(c => c.Value?["schema"]).FirstOrDefault(x => x is not null);
                var requestTypes = content?.Select(c => c.Key).ToList() ?? [];
                var response = operation["responses"]?.AsObject()
                    .Where(r => r.Key.StartsWith('2'))
                    .Select(r => r.Value?["content"]?["application/json"]?["schema"])
                    .FirstOrDefault(s => s is not null);
                yield return new ApiOperation(method.ToUpperInvariant(), path, parameters, request, requestTypes, response);
            }
        }
    }

    /// <summary>The schema a $ref points at, or the node itself.</summary>
    public JsonNode Resolve(JsonNode schema)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference["#/components/schemas/".Length..];
            schema = root["components"]!["schemas"]![name] ?? throw new InvalidOperationException($"missing schema {reference}");
        }

        return schema;
    }

    /// <summary>The schema's name when it is a reference (for messages).</summary>
    public static string Name(JsonNode schema) => schema["$ref"]?.GetValue<string>()?.Split('/')[^1] ?? "(inline)";
}
