using System.Text.Json;
using Amazon.Runtime;

namespace CloudMgmt.Adapters.Ec2;

/// <summary>
/// The access key pair a credentials reference resolves to: JSON
/// <c>{"accessKeyId": "...", "secretAccessKey": "...", "sessionToken": "..."}</c> (session token optional)
/// or <c>KEY:SECRET</c>. Always explicit, so the SDK never looks for credentials elsewhere
/// (environment, profile, instance metadata).
/// </summary>
internal sealed class Ec2Credentials
{
    private readonly string _accessKeyId;
    private readonly string _secret;
    private readonly string? _sessionToken;

    private Ec2Credentials(string accessKeyId, string secret, string? sessionToken)
    {
        _accessKeyId = accessKeyId;
        _secret = secret;
        _sessionToken = sessionToken;
    }

    public AWSCredentials ToAws() => _sessionToken is null
        ? new BasicAWSCredentials(_accessKeyId, _secret)
        : new SessionAWSCredentials(_accessKeyId, _secret, _sessionToken);

    /// <summary>The text with every part of the credentials blanked, for messages that echo what a cloud said.</summary>
    public string Scrub(string text)
    {
        foreach (var secret in new[] { _secret, _sessionToken, _accessKeyId })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>The key pair in a resolved secret; the error names no part of it.</summary>
    public static AdapterResult<Ec2Credentials> Parse(string secret)
    {
        var text = secret.Trim();
        var invalid = AdapterError.Of(AdapterErrorKind.Invalid,
            "does not hold an EC2 key pair: expected JSON with accessKeyId and secretAccessKey, or KEY:SECRET");
        if (text.StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(text);
                var key = Property(json.RootElement, "accessKeyId");
                var secretKey = Property(json.RootElement, "secretAccessKey");
                return key is null || secretKey is null ? invalid : new Ec2Credentials(key, secretKey, Property(json.RootElement, "sessionToken"));
            }
            catch (JsonException)
            {
                return invalid; // the parser's message could quote the secret
            }
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < text.Length - 1 ? new Ec2Credentials(text[..colon], text[(colon + 1)..], null) : invalid;
    }

    private static string? Property(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text ? text : null;
}
