using CloudMgmt.Adapters;
using CloudMgmt.Grains.Clouds;

namespace CloudMgmt.Reconciliation.Clouds;

internal sealed partial class CloudRegistrations
{
    /// <summary>
    /// How long a claim whose cloud does not hold the secret counts as a registration still being
    /// stored; an older one was left by a request that failed midway (a crash between the claim and
    /// the store) and is taken over, so that no secret stays blocked by a cloud that never came to be.
    /// </summary>
    public static readonly TimeSpan ClaimInFlight = TimeSpan.FromMinutes(1);

    private ICloudDirectoryGrain Directory => grains.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key);

    /// <summary>
    /// Holds the registration's secret for its cloud before the registration or change is stored:
    /// the claim (free it with <see cref="ReleaseAsync(SecretClaim?)"/> if the store then fails), or
    /// the problem when another cloud holds it or is being stored with it. No claim without a reference.
    /// </summary>
    public async Task<(SecretClaim? Claim, RegistrationProblem? Problem)> ClaimSecretAsync(CloudSpec spec)
    {
        if (string.IsNullOrWhiteSpace(spec.CredentialsRef))
        {
            return (null, null);
        }

        var secret = credentials.Canonical(spec.CredentialsRef);
        var claim = await Directory.ClaimSecret(secret, spec.Id);
        if (claim.Holder != spec.Id && await IsStaleAsync(claim))
        {
            claim = await Directory.ClaimSecret(secret, spec.Id, replacing: claim.Holder);
        }

        return claim.Holder == spec.Id ? (claim, null) : (null, SameSecret(claim.Holder));
    }

    /// <summary>Frees a claim this request took (not one its cloud already held).</summary>
    public Task ReleaseAsync(SecretClaim? claim) =>
        claim is { New: true } ? Directory.ReleaseSecret(claim.Secret, claim.Holder) : Task.CompletedTask;

    /// <summary>Frees the secret a cloud named before a change, once the change is stored with another.</summary>
    public Task ReleaseAsync(string cloudId, string? previous, string? current) =>
        string.IsNullOrWhiteSpace(previous) || current is not null && credentials.Canonical(previous) == credentials.Canonical(current)
            ? Task.CompletedTask
            : Directory.ReleaseSecret(credentials.Canonical(previous), cloudId);

    private async Task<bool> IsStaleAsync(SecretClaim claim)
    {
        var holder = await grains.GetGrain<ICloudGrain>(claim.Holder).Get();
        var holds = holder is { Spec.CredentialsRef: { } theirs } && credentials.Canonical(theirs) == claim.Secret;
        return !holds && time.GetUtcNow() - claim.ClaimedAt > ClaimInFlight;
    }
}
