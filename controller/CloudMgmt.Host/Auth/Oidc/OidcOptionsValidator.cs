using Microsoft.Extensions.Options;

namespace CloudMgmt.Host.Auth.Oidc;

/// <summary>Every problem with the OIDC settings at once, each naming its setting; the controller does not start with any.</summary>
internal sealed class OidcOptionsValidator : IValidateOptions<OidcOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            errors.Add($"{OidcOptions.Section}:Authority must be an absolute https URL (got '{options.Authority}')");
        }
        else if (authority.Scheme == "http" && options.RequireHttpsMetadata)
        {
            errors.Add($"{OidcOptions.Section}:Authority must use https (set {OidcOptions.Section}:RequireHttpsMetadata=false only for a provider on loopback)");
        }
        else if (!options.RequireHttpsMetadata && !authority.IsLoopback)
        {
            errors.Add($"{OidcOptions.Section}:RequireHttpsMetadata=false is allowed only for a provider on loopback, not {authority.Host}");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            errors.Add($"{OidcOptions.Section}:Audience is required with an authority: the client id tokens are issued for");
        }

        foreach (var (value, role) in options.RoleValues.Where(r => Application.Access.Roles.Parse(r.Value) is null))
        {
            errors.Add($"{OidcOptions.Section}:RoleValues:{value} must be one of {string.Join(", ", Application.Access.Roles.Names)} (got '{role}')");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
