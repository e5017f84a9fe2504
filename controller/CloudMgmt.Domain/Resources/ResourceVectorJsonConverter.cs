using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudMgmt.Domain.Resources;

/// <summary>
/// A vector on the wire is what users write: a map of resource name to amount
/// (<c>{"memoryGiB":64,"vcpu":16}</c>), names in order, zero amounts left out. Without it the
/// serializer showed the type's members (<c>count</c>, <c>isZero</c>, <c>entries</c>) wherever a
/// vector sat inside an answer, such as the placement decision's shares.
/// </summary>
public sealed class ResourceVectorJsonConverter : JsonConverter<ResourceVector>
{
    public override ResourceVector Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a resource vector is an object of resource names to whole amounts");
        }

        var entries = new List<KeyValuePair<string, long>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            entries.Add(new(name, reader.GetInt64()));
        }

        try
        {
            return ResourceVector.From(entries);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, ResourceVector value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, amount) in value.Entries)
        {
            writer.WriteNumber(name, amount);
        }

        writer.WriteEndObject();
    }
}
