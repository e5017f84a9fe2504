using System.Security.Cryptography;
using System.Text;

namespace CloudMgmt.Grains.Keys;

/// <summary>
/// Tokens are 256-bit random secrets, so a plain SHA-256 is enough to store them (there is nothing
/// to guess that a slow, salted hash would protect); it also lets a token be found by its hash.
/// </summary>
public static class TokenHash
{
    public const string Prefix = "cmk_";

    public static string Of(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewToken() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
