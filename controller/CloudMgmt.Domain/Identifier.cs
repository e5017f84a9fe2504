namespace CloudMgmt.Domain;

/// <summary>
/// Ids of pools, tenants and keys: 1–63 lower-case letters, digits and '-', starting and ending with a
/// letter or digit. The same rule as a DNS label, so that an id can name a namespace or project on
/// any cloud later without being mangled.
/// </summary>
public static class Identifier
{
    public const string Rule = "1-63 lower-case letters, digits and '-', starting and ending with a letter or digit";

    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 63 || id[0] == '-' || id[^1] == '-')
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
