using CloudMgmt.Adapters;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Host.Hosting;

/// <summary>
/// Where cloud credentials may come from (<see cref="CredentialsOptions"/>, section <c>Credentials</c>),
/// validated at start, and the one <see cref="CredentialsResolver"/> every adapter factory uses. The
/// controller's own secrets (the admin token variable and file, the state database) are never
/// resolvable, whatever the settings say.
/// </summary>
internal static class CredentialsSetup
{
    public const string AdminTokenVariable = "CLOUDMGMT_ADMIN_TOKEN";

    public static IServiceCollection AddCloudCredentials(this IServiceCollection services, DataDirectory data)
    {
        services.AddOptions<CredentialsOptions>().BindConfiguration(CredentialsOptions.SectionName)
            .PostConfigure(o => o.Directory = string.IsNullOrWhiteSpace(o.Directory) ? DefaultDirectory(data) : o.Directory)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CredentialsOptions>>(new CredentialsOptionsValidator(data));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CredentialsOptions>>().Value;
            if (options.Directory == DefaultDirectory(data) && !OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(options.Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            return new CredentialsResolver(options, [data.AdminTokenFile, data.StateDatabase], [AdminTokenVariable]);
        });
        return services;
    }

    private static string DefaultDirectory(DataDirectory data) => Path.Combine(data.Path, "credentials");
}

/// <summary>What the attributes cannot say: the directory must be a folder of its own, holding none of the controller's files.</summary>
internal sealed class CredentialsOptionsValidator(DataDirectory data) : IValidateOptions<CredentialsOptions>
{
    private static readonly string[] SystemTrees = ["/proc", "/sys", "/dev", "/run", "/etc", "/boot", "/usr", "/bin", "/sbin", "/lib", "/var/run"];

    public ValidateOptionsResult Validate(string? name, CredentialsOptions options)
    {
        var errors = new List<string>();
        if (options.EnvironmentPrefix is { } prefix && CredentialsSetup.AdminTokenVariable.StartsWith(prefix, StringComparison.Ordinal))
        {
            errors.Add($"Credentials:EnvironmentPrefix '{prefix}' would let a cloud reference name {CredentialsSetup.AdminTokenVariable}; use a prefix of its own, e.g. CLOUDMGMT_CLOUD_");
        }

        if (options.Directory is not { } directory || !Path.IsPathFullyQualified(directory))
        {
            errors.Add("Credentials:Directory must be an absolute path");
        }
        else
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
            var dataDir = Path.TrimEndingDirectorySeparator(data.Path);
            if (full == "/" || dataDir == full || dataDir.StartsWith(full + "/", StringComparison.Ordinal))
            {
                errors.Add($"Credentials:Directory {full} holds the data folder {dataDir} (state database, admin token); use a folder of its own, e.g. {dataDir}/credentials");
            }

            if (SystemTrees.Any(tree => full == tree || full.StartsWith(tree + "/", StringComparison.Ordinal)) && !full.StartsWith("/etc/cloudmgmt/", StringComparison.Ordinal))
            {
                errors.Add($"Credentials:Directory {full} is a system folder; use a folder of its own (a mounted Secret, {dataDir}/credentials)");
            }
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
