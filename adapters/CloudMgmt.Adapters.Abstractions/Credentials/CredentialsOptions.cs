using System.ComponentModel.DataAnnotations;

namespace CloudMgmt.Adapters;

/// <summary>
/// Where cloud credentials may come from (configuration section <c>Credentials</c>). A cloud's
/// <c>credentialsRef</c> can name only an environment variable with <see cref="EnvironmentPrefix"/> or
/// a regular file inside <see cref="Directory"/>, read up to <see cref="MaxBytes"/>: never the
/// controller's own secrets, and never anything else of the machine.
/// </summary>
public sealed class CredentialsOptions
{
    public const string SectionName = "Credentials";

    /// <summary>Prefix of the environment variables <c>env:NAME</c> may name (default <c>CLOUDMGMT_CLOUD_</c>).</summary>
    [Required]
    [RegularExpression("^[A-Z][A-Z0-9_]{2,62}_$", ErrorMessage = "must be upper-case letters, digits and '_', 4 to 64 characters, ending in '_'")]
    public string EnvironmentPrefix { get; set; } = "CLOUDMGMT_CLOUD_";

    /// <summary>The folder <c>file:</c> references are confined to (absolute). The host fills in <c>&lt;data-dir&gt;/credentials</c> when it is not set.</summary>
    public string? Directory { get; set; }

    /// <summary>Largest secret read, in bytes (default 64 KiB): a reference to something endless fails instead of filling memory.</summary>
    [Range(1, 1024 * 1024)]
    public int MaxBytes { get; set; } = 64 * 1024;
}
