using CloudMgmt.Adapters;
using CloudMgmt.Grains.Clouds;

namespace CloudMgmt.Reconciliation.Clouds;

/// <summary>
/// Decides whether a registration (new, or a cloud's after a change) may be stored: its kind's
/// factory reports every problem of its endpoint, credentials reference and settings at once, and
/// no other cloud may use the same secret (so a secret goes only to the endpoint of the cloud it
/// was given for). Also tries a registration's connection for a dry run, storing nothing.
/// Requests that race are settled by a claim on the secret in the cloud directory, taken before the
/// registration or change is stored (<see cref="ClaimSecretAsync"/>); the scan of stored clouds in
/// <see cref="ValidateAsync"/> covers clouds stored before claims existed.
/// </summary>
internal sealed partial class CloudRegistrations(
    IEnumerable<ICloudAdapterFactory> factories, CredentialsResolver credentials, IGrainFactory grains, TimeProvider time)
{
    /// <summary>How long a dry run may wait for the cloud, over all its calls.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, ICloudAdapterFactory> _factories = factories.ToDictionary(f => f.Kind, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Kinds => _factories.Keys;

    /// <summary>What an adapter factory is given for a registered cloud.</summary>
    public static CloudConnection Connection(CloudSpec spec) =>
        new(spec.Id, spec.Kind, spec.Endpoint, spec.Region, spec.CredentialsRef, spec.Settings) { AllowInsecureEndpoint = spec.AllowInsecureEndpoint };

    /// <summary>Every problem of the registration, each under its field path; empty when it may be stored.</summary>
    public async Task<IReadOnlyList<RegistrationProblem>> ValidateAsync(CloudSpec spec)
    {
        if (!_factories.TryGetValue(spec.Kind, out var factory))
        {
            return [new RegistrationProblem("kind", $"must be one of: {string.Join(", ", Kinds)}")];
        }

        var problems = factory.Validate(Connection(spec)).ToList();
        if (spec.CredentialsRef is { } reference && problems.All(p => p.Field != CredentialsResolver.Field)
            && await CloudUsingAsync(credentials.Canonical(reference), spec.Id) is { } other)
        {
            problems.Add(SameSecret(other));
        }

        return problems;
    }

    /// <summary>Authenticates and asks for capacity and health, within <see cref="ProbeTimeout"/>; keeps nothing.</summary>
    public async Task<ConnectionProbe> ProbeAsync(CloudSpec spec, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(ProbeTimeout);
        try
        {
            return await _factories[spec.Kind].ProbeAsync(Connection(spec), bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ConnectionProbe(false, $"the cloud did not answer within {ProbeTimeout.TotalSeconds:F0} s", null);
        }
    }

    private async Task<string?> CloudUsingAsync(string canonical, string except)
    {
        var ids = await grains.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).List();
        foreach (var id in ids.Where(i => i != except))
        {
            if (await grains.GetGrain<ICloudGrain>(id).Get() is { Spec.CredentialsRef: { } theirs } && credentials.Canonical(theirs) == canonical)
            {
                return id;
            }
        }

        return null;
    }

    private static RegistrationProblem SameSecret(string other) => new(CredentialsResolver.Field,
        $"names the same secret as cloud '{other}'; each cloud needs its own reference, so that a secret is sent only where its cloud is");
}
