namespace CloudMgmt.Portal.Session;

/// <summary>
/// Where a "returnUrl" may send a browser: a path of this site only ("/allocations?status=Ready"),
/// never another site ("//evil.example", "/\evil.example", "https://evil.example") or a script.
/// </summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2048 && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || c == '\\');

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
