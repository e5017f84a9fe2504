namespace CloudMgmt.Adapters;

/// <summary>
/// What a URL the controller sends credentials or tokens to must look like: absolute, http or https,
/// no user name or password in it, and https unless the cloud was registered with
/// <c>allowInsecureEndpoint</c> (a test peer on loopback, a lab).
/// </summary>
public static class EndpointRule
{
    public const int MaxLength = 2048;

    /// <summary>Why the URL is refused, or null when it is fine.</summary>
    public static string? Check(string url, bool allowInsecure)
    {
        if (url.Length > MaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return $"must be an absolute https URL of at most {MaxLength} characters";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "must not carry a user name or password; the credentials come from credentialsRef";
        }

        return uri.Scheme == "http" && !allowInsecure
            ? "must be https, or the credentials cross the network in the clear (allowInsecureEndpoint: true allows http)"
            : null;
    }

    /// <summary>Checks the registration's <c>endpoint</c>: required or not, and <see cref="Check"/> when given.</summary>
    public static void CheckEndpoint(CloudConnection connection, bool required, List<RegistrationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(connection.Endpoint))
        {
            if (required)
            {
                problems.Add(new RegistrationProblem("endpoint", "is required for this kind of cloud"));
            }

            return;
        }

        if (Check(connection.Endpoint, connection.AllowInsecureEndpoint) is { } why)
        {
            problems.Add(new RegistrationProblem("endpoint", why));
        }
    }

    /// <summary>The refusal of a URL the cloud itself handed out (a catalog entry, a version link), or null.</summary>
    public static AdapterError? CheckRemote(string what, string url, bool allowInsecure) =>
        Check(url, allowInsecure) is { } why ? AdapterError.Of(AdapterErrorKind.Invalid, $"{what} {why}") : null;
}
