using System.Text.Json.Nodes;

namespace CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;

/// <summary>An API answer: a status code and a body (an object, a list, or a <c>Status</c> for failures).</summary>
internal sealed record KubeResponse(int Code, JsonNode Body, TimeSpan? RetryAfter = null)
{
    public static KubeResponse Ok(JsonNode body) => new(200, body);

    public static KubeResponse Created(JsonNode body) => new(201, body);
}

/// <summary>The API server's <c>Status</c> object (meta/v1), as failures are reported on the wire.</summary>
internal static class KubeStatus
{
    public static KubeResponse Failure(int code, string reason, string message, JsonObject? details = null, TimeSpan? retryAfter = null) => new(code, new JsonObject
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["details"] = details,
        ["code"] = code,
    }, retryAfter);

    public static KubeResponse NotFound(string resource, string name) =>
        Failure(404, "NotFound", $"{resource} \"{name}\" not found", new JsonObject { ["name"] = name, ["kind"] = resource });

    public static KubeResponse AlreadyExists(string resource, string name) =>
        Failure(409, "AlreadyExists", $"{resource} \"{name}\" already exists", new JsonObject { ["name"] = name, ["kind"] = resource });

    public static KubeResponse Modified(string resource, string name) =>
        Failure(409, "Conflict", $"Operation cannot be fulfilled on {resource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            new JsonObject { ["name"] = name, ["kind"] = resource });

    public static KubeResponse BadRequest(string message) => Failure(400, "BadRequest", message);

    public static KubeResponse Invalid(string resource, string name, string message) =>
        Failure(422, "Invalid", $"{resource} \"{name}\" is invalid: {message}", new JsonObject { ["name"] = name, ["kind"] = resource });
}
