using Microsoft.Extensions.Options;

namespace CloudMgmt.Host.Hosting;

/// <summary>
/// The operator token given in <c>CLOUDMGMT_ADMIN_TOKEN</c> (optional: without it one is generated
/// into the data folder). A given token must have at least <see cref="MinimumLength"/> characters;
/// a shorter one stops the start, saying why and how to make one.
/// </summary>
internal sealed class AdminTokenOptions
{
    public const int MinimumLength = 32;

    public string? Token { get; set; }

    public bool Given => !string.IsNullOrWhiteSpace(Token);
}

internal sealed class AdminTokenValidator : IValidateOptions<AdminTokenOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminTokenOptions options)
    {
        var length = options.Token?.Trim().Length ?? 0;
        return !options.Given || length >= AdminTokenOptions.MinimumLength
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{CredentialsSetup.AdminTokenVariable} has {length} characters; it must have at least {AdminTokenOptions.MinimumLength}, " +
                "so that it cannot be guessed. Make one with: openssl rand -hex 32 (or unset it, and a token is generated into <data-dir>/admin-token)");
    }
}

internal static class AdminTokenSetup
{
    public static IServiceCollection AddAdminToken(this IServiceCollection services)
    {
        services.AddOptions<AdminTokenOptions>()
            .Configure<IConfiguration>((o, configuration) => o.Token = configuration[CredentialsSetup.AdminTokenVariable])
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminTokenOptions>, AdminTokenValidator>();
        return services;
    }
}
