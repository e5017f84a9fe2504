using System.Text.RegularExpressions;

namespace CloudMgmt.Adapters;

/// <summary>
/// Turns a cloud's credentials reference into the secret it names, confined by
/// <see cref="CredentialsOptions"/>: <c>env:NAME</c> only for variables whose names start with the
/// configured prefix, <c>file:NAME</c> (relative to the credentials directory) or <c>file:/path</c>
/// only for regular files inside that directory once every link is followed, read up to the size
/// cap. The controller's own secrets are refused whatever the configuration says. Failures say what
/// is wrong with the reference, never what a file holds; outside the directory nothing is looked at,
/// so a refusal tells nothing about what exists there.
/// </summary>
public sealed partial class CredentialsResolver
{
    /// <summary>The registration field every problem of a reference is reported under.</summary>
    public const string Field = "credentialsRef";

    /// <summary>Longest reference accepted; longer ones are refused without being echoed.</summary>
    public const int MaxReferenceLength = 512;

    private readonly HashSet<string> _protectedVariables;
    private readonly IReadOnlyList<string> _protectedFiles;

    /// <param name="protectedFiles">The controller's own files (admin token, state database): never resolvable, even if placed in the directory.</param>
    /// <param name="protectedVariables">The controller's own variables (the admin token's): never resolvable, whatever the prefix.</param>
    public CredentialsResolver(CredentialsOptions options, IEnumerable<string>? protectedFiles = null, IEnumerable<string>? protectedVariables = null)
    {
        EnvironmentPrefix = options.EnvironmentPrefix;
        Directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Directory
            ?? throw new ArgumentException("the credentials directory is not set", nameof(options))));
        MaxBytes = options.MaxBytes;
        _protectedFiles = [.. protectedFiles ?? []];
        _protectedVariables = new HashSet<string>(protectedVariables ?? [], StringComparer.Ordinal);
    }

    public string EnvironmentPrefix { get; }

    public string Directory { get; }

    public int MaxBytes { get; }

    /// <summary>What a reference may look like, for messages and documentation.</summary>
    public string Forms => $"env:NAME (NAME starting with {EnvironmentPrefix}) or file:NAME (a file in {Directory})";

    /// <summary>The secret, or an Invalid error whose message says what is wrong with the reference (to be reported under <see cref="Field"/>).</summary>
    public AdapterResult<string> Resolve(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return Refuse($"is required: {Forms}");
        }

        if (reference.Length > MaxReferenceLength || reference.Any(char.IsControl))
        {
            return Refuse($"is not a reference: at most {MaxReferenceLength} printable characters, {Forms}");
        }

        if (reference.StartsWith("env:", StringComparison.Ordinal))
        {
            return Variable(reference[4..]);
        }

        return reference.StartsWith("file:", StringComparison.Ordinal)
            ? ReadFile(reference, reference[5..])
            : Refuse($"'{Shown(reference)}' is neither of {Forms}");
    }

    /// <summary>The secret, or null with the problem added under <see cref="Field"/>: for a factory's validation.</summary>
    public string? Resolve(string? reference, List<RegistrationProblem> problems)
    {
        var resolved = Resolve(reference);
        if (!resolved.Succeeded)
        {
            problems.Add(new RegistrationProblem(Field, resolved.Error!.Message));
        }

        return resolved.Value;
    }

    /// <summary>The secret resolved and parsed by <paramref name="parse"/>; null with the problem added under <see cref="Field"/>.</summary>
    public T? Resolve<T>(string? reference, Func<string, AdapterResult<T>> parse, List<RegistrationProblem> problems)
        where T : class
    {
        if (Resolve(reference, problems) is not { } secret)
        {
            return null;
        }

        var parsed = parse(secret);
        if (!parsed.Succeeded)
        {
            problems.Add(new RegistrationProblem(Field, parsed.Error!.Message));
        }

        return parsed.Value;
    }

    /// <summary>
    /// One name per secret for a reference that resolves, so that two spellings of it (<c>file:x</c>,
    /// <c>file:/dir/x</c>, a link to it in the directory) count as the same secret.
    /// </summary>
    public string Canonical(string reference)
    {
        if (!reference.StartsWith("file:", StringComparison.Ordinal))
        {
            return reference.Trim();
        }

        try
        {
            var path = reference[5..];
            var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Directory, path));
            return "file:" + (OperatingSystem.IsLinux() ? Posix.RealPath(full) ?? full : full);
        }
        catch (ArgumentException)
        {
            return reference; // not a path at all (a stored reference from before references were checked)
        }
    }

    private AdapterResult<string> Variable(string name)
    {
        if (!VariableName().IsMatch(name))
        {
            return Refuse("env: needs a variable name of letters, digits and '_'");
        }

        if (!name.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) || name.Length == EnvironmentPrefix.Length || _protectedVariables.Contains(name))
        {
            return Refuse($"env:{Shown(name)} is not allowed: only variables whose names start with {EnvironmentPrefix} can be referenced");
        }

        var value = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return Refuse($"env:{name} is not set in the controller's environment");
        }

        return System.Text.Encoding.UTF8.GetByteCount(value) > MaxBytes
            ? Refuse($"env:{name} holds more than {MaxBytes} bytes")
            : value.Trim();
    }

    internal static AdapterError Refuse(string why) => AdapterError.Of(AdapterErrorKind.Invalid, why);

    /// <summary>A reference as echoed in a message: bounded, since it is input.</summary>
    private static string Shown(string text) => text.Length <= 80 ? text : text[..80] + "…";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
