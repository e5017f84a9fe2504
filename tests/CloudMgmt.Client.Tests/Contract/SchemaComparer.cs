using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CloudMgmt.Client.Tests.Contract;

/// <summary>
/// Compares a client type with a schema of the document, field by field and recursively, and lists every
/// difference: a property on one side only, a different type, or (in responses) a different nullability.
/// </summary>
internal sealed class SchemaComparer(OpenApiDocument document)
{
    private static readonly JsonNamingPolicy Names = JsonNamingPolicy.CamelCase;
    private readonly NullabilityInfoContext _nullability = new();

    public List<string> Differences { get; } = [];

    /// <summary>Compares <paramref name="type"/> with <paramref name="schema"/>; <paramref name="response"/> also demands the same nullability.</summary>
    public void Compare(string where, Type type, JsonNode schema, bool response) => Compare(where, type, schema, response, []);

    private void Compare(string where, Type type, JsonNode schema, bool response, HashSet<(Type, string)> seen)
    {
        schema = NonNull(schema, out _);
        var resolved = document.Resolve(schema);
        if (schema["$ref"] is not null && !seen.Add((type, OpenApiDocument.Name(schema))))
        {
            return; // compared already (and a tree refers to itself)
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(JsonElement))
        {
            return; // free-form JSON (the placement explanation): any schema fits
        }

        var kinds = Kinds(resolved);
        if (Dictionary(type) is { } valueType)
        {
            Expect(where, type, kinds.Contains("object") && resolved["additionalProperties"] is not null, "an object with additionalProperties");
            if (resolved["additionalProperties"] is { } values)
            {
                Compare(where + "{}", valueType, values, response, seen);
            }
        }
        else if (Element(type) is { } itemType)
        {
            Expect(where, type, kinds.Contains("array"), "an array");
            if (resolved["items"] is { } items)
            {
                Compare(where + "[]", itemType, items, response, seen);
            }
        }
        else if (Scalar(type) is { } expected)
        {
            var format = resolved["format"]?.GetValue<string>();
            var ok = expected switch
            {
                "int32" => kinds.Contains("integer") && format is null or "int32",
                "int64" => kinds.Contains("integer") && format is null or "int64",
                "date-time" => kinds.Contains("string") && format == "date-time",
                "date" => kinds.Contains("string") && format == "date",
                "number" => kinds.Contains("number"),
                _ => kinds.Contains(expected) && !(expected == "string" && format is "date-time" or "date"),
            };
            Expect(where, type, ok, $"{string.Join("|", kinds)} {format}".Trim());
        }
        else
        {
            Expect(where, type, kinds.Contains("object") || kinds.Count == 0, "an object");
            Properties(where, type, resolved, OpenApiDocument.Name(schema), response, seen);
        }
    }

    private void Properties(string where, Type type, JsonNode schema, string schemaName, bool response, HashSet<(Type, string)> seen)
    {
        var documented = schema["properties"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal) ?? [];
        var mine = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is not null && p.Name != "EqualityContract")
            .ToDictionary(p => Names.ConvertName(p.Name), StringComparer.Ordinal);
        foreach (var name in documented.Keys.Except(mine.Keys))
        {
            Differences.Add($"{where}.{name}: in the document ({schemaName}), not in the client's {type.Name}");
        }

        foreach (var name in mine.Keys.Except(documented.Keys))
        {
            Differences.Add($"{where}.{name}: in the client's {type.Name}, not in the document");
        }

        foreach (var (name, property) in mine.Where(m => documented.ContainsKey(m.Key)))
        {
            var documentedNull = NullableIn(documented[name]);
            var clientNull = _nullability.Create(property).ReadState == NullabilityState.Nullable;
            if (response ? documentedNull != clientNull : clientNull && !documentedNull)
            {
                Differences.Add($"{where}.{name}: nullable in the {(documentedNull ? "document" : "client")} only");
            }

            Compare($"{where}.{name}", property.PropertyType, documented[name], response, seen);
        }
    }

    private void Expect(string where, Type type, bool ok, string documented)
    {
        if (!ok)
        {
            Differences.Add($"{where}: the client has {type.Name}, the document {documented}");
        }
    }

    private static bool NullableIn(JsonNode schema) => NonNull(schema, out var nullable) is not null && nullable;

    /// <summary>Unwraps oneOf [null, X] and reports whether null was allowed (there or in the type list).</summary>
    private static JsonNode NonNull(JsonNode schema, out bool nullable)
    {
        nullable = Kinds(schema, withNull: true).Contains("null");
        if (schema["oneOf"] is JsonArray oneOf && oneOf.Count == 2 && oneOf.Any(s => s?["type"]?.ToString() == "null"))
        {
            nullable = true;
            return oneOf.First(s => s?["type"]?.ToString() != "null")!;
        }

        return schema;
    }

    private static List<string> Kinds(JsonNode schema, bool withNull = false)
    {
        var type = schema["type"];
        var kinds = type is JsonArray a ? a.Select(k => k!.GetValue<string>()).ToList() : type is null ? [] : [type.GetValue<string>()];
        return withNull ? kinds : kinds.Where(k => k != "null").ToList();
    }

    private static string? Scalar(Type type) =>
        type == typeof(string) ? "string"
        : type == typeof(int) ? "int32"
        : type == typeof(long) ? "int64"
        : type == typeof(double) || type == typeof(decimal) ? "number"
        : type == typeof(bool) ? "boolean"
        : type == typeof(DateTimeOffset) ? "date-time"
        : type == typeof(DateOnly) ? "date"
        : null;

    private static Type? Dictionary(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)) is { } d
        && d.GetGenericArguments()[0] == typeof(string)
            ? d.GetGenericArguments()[1]
            : null;

    private static Type? Element(Type type) =>
        type != typeof(string) && type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } e
        && Dictionary(type) is null
            ? e.GetGenericArguments()[0]
            : null;
}
