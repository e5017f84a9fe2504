using System.Text.Json;
using System.Text.Json.Nodes;

namespace CloudMgmt.Adapters.OpenStack.Identity;

/// <summary>
/// What the credentials reference resolves to: JSON with either a password identity
/// (<c>username</c>, <c>password</c>, <c>userDomainName</c> or <c>userDomainId</c>, and a project scope
/// <c>projectName</c> + <c>projectDomainName</c>/<c>projectDomainId</c> or <c>projectId</c>) or an application
/// credential (<c>applicationCredentialId</c> + <c>applicationCredentialSecret</c>, scoped by Keystone).
/// <see cref="ToString"/> never shows a secret.
/// </summary>
internal sealed class OpenStackCredentials
{
    private OpenStackCredentials(JsonObject auth, string who)
    {
        AuthBody = auth;
        _who = who;
    }

    private readonly string _who;

    /// <summary>The body of POST /v3/auth/tokens.</summary>
    public JsonObject AuthBody { get; }

    public override string ToString() => _who;

    public static AdapterResult<OpenStackCredentials> Parse(string secret)
    {
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(secret) as JsonObject;
        }
        catch (JsonException)
        {
            json = null;
        }
        if (json is null)
            return Invalid("the credentials are not a JSON object");

        string? S(string key) => json.TryGetPropertyValue(key, out var v) && v is JsonValue value && value.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

        if (S("applicationCredentialId") is { } appId)
        {
            if (S("applicationCredentialSecret") is not { } appSecret)
                return Invalid("applicationCredentialId needs applicationCredentialSecret");
            var body = Auth(new JsonObject
            {
                ["methods"] = new JsonArray("application_credential"),
                ["application_credential"] = new JsonObject { ["id"] = appId, ["secret"] = appSecret },
            }, scope: null);
            return new OpenStackCredentials(body, $"application credential {appId}");
        }

        if (S("username") is not { } user || S("password") is not { } password)
            return Invalid("give username and password, or applicationCredentialId and applicationCredentialSecret");
        var userDomain = Domain(S("userDomainId"), S("userDomainName") ?? "Default");
        JsonObject? scope = null;
        if (S("projectId") is { } projectId)
            scope = new JsonObject { ["project"] = new JsonObject { ["id"] = projectId } };
        else if (S("projectName") is { } projectName)
            scope = new JsonObject { ["project"] = new JsonObject { ["name"] = projectName, ["domain"] = Domain(S("projectDomainId"), S("projectDomainName") ?? "Default") } };
        var identity = new JsonObject
        {
            ["methods"] = new JsonArray("password"),
            ["password"] = new JsonObject { ["user"] = new JsonObject { ["name"] = user, ["domain"] = userDomain, ["password"] = password } },
        };
        return new OpenStackCredentials(Auth(identity, scope), $"user {user}");
    }

    private static JsonObject Domain(string? id, string name) => id is not null ? new JsonObject { ["id"] = id } : new JsonObject { ["name"] = name };

    private static JsonObject Auth(JsonObject identity, JsonObject? scope)
    {
        var auth = new JsonObject { ["identity"] = identity };
        if (scope is not null)
            auth["scope"] = scope;
        return new JsonObject { ["auth"] = auth };
    }

    private static AdapterError Invalid(string why) => AdapterError.Of(AdapterErrorKind.Invalid, $"does not hold usable OpenStack credentials: {why}");
}
