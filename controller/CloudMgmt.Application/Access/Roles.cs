using CloudMgmt.Grains.Keys;

namespace CloudMgmt.Application.Access;

/// <summary>Role names as the API, keys, tokens and the audit trail spell them.</summary>
public static class Roles
{
    public const string Operator = "operator";
    public const string Department = "department";
    public const string Viewer = "viewer";
    public const string Metrics = "metrics";

    public static string Name(ApiRole role) => role.ToString().ToLowerInvariant();

    public static ApiRole? Parse(string? name) =>
        Enum.GetValues<ApiRole>().Cast<ApiRole?>().FirstOrDefault(r => string.Equals(Name(r!.Value), name, StringComparison.Ordinal));

    public static IEnumerable<string> Names => Enum.GetValues<ApiRole>().Select(Name);
}
