namespace CloudMgmt.Adapters;

/// <summary>
/// Resolves a cloud's credentials reference to the secret it names. The controller stores and shows
/// only the reference; the secret is read when an adapter is made, and never leaves the adapter.
/// Forms: <c>env:NAME</c> (an environment variable), <c>file:/path</c> (a file, e.g. a mounted
/// Kubernetes Secret). What the secret holds is the adapter's business (JSON, a kubeconfig, ...).
/// </summary>
public static class CredentialsReference
{
    /// <summary>The secret, or an <see cref="AdapterError"/> of kind Invalid that names the reference but not its content.</summary>
    public static AdapterResult<string> Resolve(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
            return AdapterError.Of(AdapterErrorKind.Invalid, "the cloud has no credentialsRef; give one as env:NAME or file:/path");
        if (reference.StartsWith("env:", StringComparison.Ordinal))
        {
            var name = reference[4..];
            var value = Environment.GetEnvironmentVariable(name);
            return string.IsNullOrEmpty(value)
                ? AdapterError.Of(AdapterErrorKind.Unauthorized, $"credentialsRef {reference}: the environment variable {name} is not set")
                : value;
        }
        if (reference.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = reference[5..];
            try
            {
                return File.ReadAllText(path).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return AdapterError.Of(AdapterErrorKind.Unauthorized, $"credentialsRef {reference}: the file cannot be read ({e.GetType().Name})");
            }
        }
        return AdapterError.Of(AdapterErrorKind.Invalid, $"credentialsRef {reference}: use env:NAME or file:/path");
    }
}
