using CloudMgmt.Adapters;
using CloudMgmt.Application;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains;
using CloudMgmt.Reconciliation.Clouds;
using Microsoft.AspNetCore.Mvc;

namespace CloudMgmt.Host.Api;

/// <summary>
/// Registering and changing a cloud: the request's shape first, then everything its kind's adapter
/// finds wrong with the endpoint, the credentials reference and the settings, all reported at once
/// (400, each under its field); nothing is stored unless all is well. A dry run stops before
/// storing and tries the connection instead.
/// </summary>
internal static partial class CloudEndpoints
{
    private const int MaxLabels = 32;
    private const int MaxSettings = 64;

    private static async Task<IResult> Register(
        RegisterCloudRequest body, [FromQuery] bool? dryRun, IGrainFactory grains, CloudRegistrations registrations, CancellationToken cancellationToken)
    {
        var v = new Validation();
        var id = v.Id("id", body.Id);
        if (body.Kind is null || !registrations.Kinds.Contains(body.Kind))
        {
            v.Add("kind", $"must be one of: {string.Join(", ", registrations.Kinds)}");
        }

        CheckShape(v, body.Region, required: true, body.Labels, body.Settings);
        if (!v.Ok)
        {
            return v.Problem();
        }

        var spec = new CloudSpec(id!, body.Kind!, body.Region!.Trim(), body.Labels ?? [], body.Endpoint, body.CredentialsRef, body.Settings ?? [],
            body.AllowInsecureEndpoint ?? false);
        if (await InvalidAsync(spec, registrations) is { } invalid)
        {
            return invalid;
        }

        if (dryRun != true)
        {
            var (claim, taken) = await registrations.ClaimSecretAsync(spec);
            if (taken is not null)
            {
                return Invalid([taken]);
            }

            var registered = await Cloud(grains, id!).Register(spec);
            if (!registered.Succeeded)
            {
                await registrations.ReleaseAsync(claim); // the id was taken: the secret stays free for a cloud that is stored
            }

            return Problems.Of(registered, c => Results.Created($"/api/v1/clouds/{id}", CloudResponse.From(c, operatorView: true)));
        }

        if (await Cloud(grains, id!).Get() is not null)
        {
            return Problems.From(Failure.Conflict($"cloud '{id}' is already registered"));
        }

        var probe = await registrations.ProbeAsync(spec, cancellationToken);
        return Results.Ok(new CloudDryRunResponse(spec.Id, spec.Kind, DryRun: true, Stored: false, ConnectionResponse.From(probe)));
    }

    private static async Task<IResult> Update(string id, UpdateCloudRequest body, IGrainFactory grains, CloudRegistrations registrations)
    {
        if (await Cloud(grains, id).Get() is not { } current)
        {
            return Missing(id);
        }

        var v = new Validation();
        CheckShape(v, body.Region, required: false, body.Labels, body.Settings);
        var update = new CloudUpdate(body.Region?.Trim(), body.Labels, body.Endpoint, body.CredentialsRef, body.Settings, body.AllowInsecureEndpoint);
        if (update.RedirectsWithoutReference(current.Spec) is { } why)
        {
            v.Add("credentialsRef", why);
        }

        if (!v.Ok)
        {
            return v.Problem();
        }

        var next = update.ApplyTo(current.Spec);
        if (await InvalidAsync(next, registrations) is { } invalid)
        {
            return invalid;
        }

        var (claim, taken) = await registrations.ClaimSecretAsync(next);
        if (taken is not null)
        {
            return Invalid([taken]);
        }

        var updated = await Cloud(grains, id).Update(update);
        await (updated.Succeeded
            ? registrations.ReleaseAsync(id, current.Spec.CredentialsRef, next.CredentialsRef)
            : registrations.ReleaseAsync(claim));
        return Problems.Of(updated, c => Results.Ok(CloudResponse.From(c, operatorView: true)));
    }

    /// <summary>The 400 with every problem the adapter finds in the registration, or null when it may be stored.</summary>
    private static async Task<IResult?> InvalidAsync(CloudSpec spec, CloudRegistrations registrations)
    {
        var problems = await registrations.ValidateAsync(spec);
        return problems.Count == 0 ? null : Invalid(problems);
    }

    private static IResult Invalid(IEnumerable<RegistrationProblem> problems)
    {
        var v = new Validation();
        foreach (var problem in problems)
        {
            v.Add(problem.Field, problem.Message);
        }

        return v.Problem();
    }

    private static void CheckShape(Validation v, string? region, bool required, Dictionary<string, string>? labels, Dictionary<string, string>? settings)
    {
        if (region is null ? required : region.Trim().Length is 0 or > 64 || region.Any(char.IsControl))
        {
            v.Add("region", "is required: at most 64 printable characters, e.g. \"anhui\"");
        }

        if (labels is { Count: > MaxLabels })
        {
            v.Add("labels", $"at most {MaxLabels} labels");
        }

        foreach (var (key, value) in labels ?? [])
        {
            if (key.Length is 0 or > 63 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/'))
            {
                v.Add("labels", "keys are 1 to 63 letters, digits, '.', '-', '_' or '/'");
            }
            else if (value.Length > 256 || value.Any(char.IsControl))
            {
                v.Add($"labels.{key}", "must be at most 256 printable characters");
            }
        }

        if (settings is { Count: > MaxSettings })
        {
            v.Add("settings", $"at most {MaxSettings} settings");
        }
    }
}
