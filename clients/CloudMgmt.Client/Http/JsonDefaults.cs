using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudMgmt.Client.Http;

/// <summary>How the client reads and writes JSON.</summary>
internal static class JsonDefaults
{
    /// <summary>
    /// camelCase; nulls are left out of requests (a left-out property means "unchanged" in a PATCH, and the
    /// API refuses what it does not know); fields a newer server adds are ignored in responses.
    /// </summary>
    public static readonly JsonSerializerOptions Tolerant = Create(strict: false);

    /// <summary>As <see cref="Tolerant"/>, but a response field this client does not know, or a null where it expects a value, is an error.</summary>
    public static readonly JsonSerializerOptions Strict = Create(strict: true);

    private static JsonSerializerOptions Create(bool strict)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        if (strict)
        {
            options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.RespectNullableAnnotations = true;
            options.RespectRequiredConstructorParameters = true;
        }

        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
