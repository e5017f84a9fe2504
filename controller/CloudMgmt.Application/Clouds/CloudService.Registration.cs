using CloudMgmt.Adapters;
using CloudMgmt.Application.Access;
using CloudMgmt.Application.Audit;
using CloudMgmt.Grains;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Reconciliation.Clouds;

namespace CloudMgmt.Application.Clouds;

/// <summary>
/// Registering and changing a cloud: the request's shape first, then everything its kind's adapter
/// finds wrong with the endpoint, the credentials reference and the settings, all reported at once
/// (400, each under its field); nothing is stored unless all is well. A secret serves one cloud:
/// its claim is taken before the cloud is stored and freed when the store fails or the cloud moves
/// to another secret. A dry run stops before storing and tries the connection instead (it changes
/// nothing, so only its refusals are recorded, as for an allocation's dry run).
/// </summary>
internal sealed partial class CloudService
{
    private const int MaxLabels = 32;
    private const int MaxSettings = 64;

    public async Task<Outcome<CloudResponse>> RegisterAsync(Caller caller, RegisterCloudRequest body)
    {
        var op = Operations.CloudRegister;
        var target = Resource.Cloud(body.Id);
        if (await access.RoleAsync(caller, op, target) is { } refused)
        {
            return refused;
        }

        var (spec, invalid) = await SpecAsync(body);
        if (invalid is not null)
        {
            return await audit.RefuseAsync(caller, op, target, invalid);
        }

        var (claim, taken) = await registrations.ClaimSecretAsync(spec!);
        if (taken is not null)
        {
            return await audit.RefuseAsync(caller, op, target, Invalid([taken]));
        }

        var registered = await Cloud(spec!.Id).Register(spec);
        if (!registered.Succeeded)
        {
            await registrations.ReleaseAsync(claim); // the id was taken: the secret stays free for a cloud that is stored
        }

        return await audit.RecordAsync(caller, op, target, Full(registered), Outcomes.Created, _ => CloudChanges.Registered(spec));
    }

    /// <summary>Checks a registration and tries its connection, storing nothing.</summary>
    public async Task<Outcome<CloudDryRunResponse>> DryRunAsync(Caller caller, RegisterCloudRequest body, CancellationToken cancellationToken)
    {
        if (await access.RoleAsync(caller, Operations.CloudRegister, Resource.Cloud(body.Id)) is { } refused)
        {
            return refused;
        }

        var (spec, invalid) = await SpecAsync(body);
        if (invalid is not null)
        {
            return invalid;
        }

        if (await Cloud(spec!.Id).Get() is not null)
        {
            return Failure.Conflict($"cloud '{spec.Id}' is already registered");
        }

        var probe = await registrations.ProbeAsync(spec, cancellationToken);
        return new CloudDryRunResponse(spec.Id, spec.Kind, DryRun: true, Stored: false, ConnectionResponse.From(probe));
    }

    public async Task<Outcome<CloudResponse>> UpdateAsync(Caller caller, string id, UpdateCloudRequest body)
    {
        var op = Operations.CloudUpdate;
        var target = Resource.Cloud(id);
        if (await access.RoleAsync(caller, op, target) is { } refused)
        {
            return refused;
        }

        if (await Cloud(id).Get() is not { } current)
        {
            return await audit.RefuseAsync(caller, op, target, Missing(id));
        }

        var v = new Validation();
        CheckShape(v, body.Region, required: false, body.Labels, body.Settings);
        var update = new CloudUpdate(body.Region?.Trim(), body.Labels, body.Endpoint, body.CredentialsRef, body.Settings, body.AllowInsecureEndpoint);
        if (update.RedirectsWithoutReference(current.Spec) is { } why)
        {
            v.Add("credentialsRef", why);
        }

        if (v.Failure() is { } badShape)
        {
            return await audit.RefuseAsync(caller, op, target, badShape);
        }

        var next = update.ApplyTo(current.Spec);
        if (await AdapterFailureAsync(next) is { } invalid)
        {
            return await audit.RefuseAsync(caller, op, target, invalid);
        }

        var (claim, taken) = await registrations.ClaimSecretAsync(next);
        if (taken is not null)
        {
            return await audit.RefuseAsync(caller, op, target, Invalid([taken]));
        }

        var updated = await Cloud(id).Update(update);
        await (updated.Succeeded
            ? registrations.ReleaseAsync(id, current.Spec.CredentialsRef, next.CredentialsRef)
            : registrations.ReleaseAsync(claim));
        return await audit.RecordAsync(caller, op, target, Full(updated), Outcomes.Ok, _ => CloudChanges.Updated(current.Spec, updated.Value!.Spec));
    }

    /// <summary>The spec a registration asks for, or the 400 naming everything wrong with it.</summary>
    private async Task<(CloudSpec? Spec, Failure? Invalid)> SpecAsync(RegisterCloudRequest body)
    {
        var v = new Validation();
        var id = v.Id("id", body.Id);
        if (body.Kind is null || !registrations.Kinds.Contains(body.Kind))
        {
            v.Add("kind", $"must be one of: {string.Join(", ", registrations.Kinds)}");
        }

        CheckShape(v, body.Region, required: true, body.Labels, body.Settings);
        if (v.Failure() is { } invalid)
        {
            return (null, invalid);
        }

        var spec = new CloudSpec(id!, body.Kind!, body.Region!.Trim(), body.Labels ?? [], body.Endpoint, body.CredentialsRef, body.Settings ?? [],
            body.AllowInsecureEndpoint ?? false);
        return (spec, await AdapterFailureAsync(spec));
    }

    /// <summary>Every problem the kind's adapter finds in the registration, or null when it may be stored.</summary>
    private async Task<Failure?> AdapterFailureAsync(CloudSpec spec)
    {
        var problems = await registrations.ValidateAsync(spec);
        return problems.Count == 0 ? null : Invalid(problems);
    }

    private static Failure Invalid(IEnumerable<RegistrationProblem> problems)
    {
        var v = new Validation();
        foreach (var problem in problems)
        {
            v.Add(problem.Field, problem.Message);
        }

        return v.Failure()!;
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
