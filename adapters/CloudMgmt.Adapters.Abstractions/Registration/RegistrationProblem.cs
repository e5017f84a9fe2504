namespace CloudMgmt.Adapters;

/// <summary>
/// One thing wrong with a cloud's registration, under the path of its field: <c>endpoint</c>,
/// <c>region</c>, <c>credentialsRef</c>, <c>allowInsecureEndpoint</c> or <c>settings.NAME</c>.
/// The message never quotes a secret.
/// </summary>
public sealed record RegistrationProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";

    /// <summary>Every problem in one line, for a cloud whose stored registration cannot work.</summary>
    public static string Describe(IEnumerable<RegistrationProblem> problems) => string.Join("; ", problems);

    /// <summary>The adapter of a registration that cannot work: every call fails with all its problems.</summary>
    public static ICloudAdapter Unusable(string kind, IReadOnlyList<RegistrationProblem> problems) =>
        new UnusableAdapter(kind, AdapterError.Of(AdapterErrorKind.Invalid, Describe(problems)));
}
