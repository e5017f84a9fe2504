namespace CloudMgmt.Security.Tests.Infrastructure;

/// <summary>The secrets a probed controller holds (the admin token, every key token, whatever a test adds).</summary>
public sealed class SecretSet
{
    private readonly List<string> _secrets = [];

    public string Add(string secret)
    {
        Assert.False(string.IsNullOrEmpty(secret), "an empty secret would match everything");
        lock (_secrets)
        {
            _secrets.Add(secret);
        }

        return secret;
    }

    public void AssertAbsent(string text, string where)
    {
        string[] secrets;
        lock (_secrets)
        {
            secrets = [.. _secrets];
        }

        foreach (var secret in secrets)
        {
            // Only a prefix in the message: the failure report must not become the leak.
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{where} carries a secret ({secret[..Math.Min(4, secret.Length)]}…)");
        }
    }
}
