namespace CloudMgmt.Grains.Clouds;

/// <summary>The ids of the registered clouds, and which of them holds each secret.</summary>
public sealed class CloudDirectoryGrain([PersistentState("clouds")] IPersistentState<CloudDirectoryState> state, TimeProvider time)
    : Grain, ICloudDirectoryGrain
{
    public const string Key = "clouds";

    private CloudDirectoryState S => state.State;

    public async Task Add(string cloudId)
    {
        if (S.Ids.Add(cloudId))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task Remove(string cloudId)
    {
        var held = S.Secrets.Where(s => s.Value.CloudId == cloudId).Select(s => s.Key).ToList();
        held.ForEach(secret => S.Secrets.Remove(secret));
        if (S.Ids.Remove(cloudId) || held.Count > 0)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. S.Ids]);

    public async Task<SecretClaim> ClaimSecret(string secret, string cloudId, string? replacing = null)
    {
        // Decided before the write's await: a grain takes one call at a time, so no other claim sees this one half made.
        if (S.Secrets.TryGetValue(secret, out var holder) && holder.CloudId != replacing)
        {
            return new SecretClaim(secret, holder.CloudId, New: false, holder.ClaimedAt);
        }

        var claimed = new SecretHolderState { CloudId = cloudId, ClaimedAt = time.GetUtcNow() };
        S.Secrets[secret] = claimed;
        await state.WriteStateAsync();
        return new SecretClaim(secret, cloudId, New: true, claimed.ClaimedAt);
    }

    public async Task ReleaseSecret(string secret, string cloudId)
    {
        if (S.Secrets.TryGetValue(secret, out var holder) && holder.CloudId == cloudId)
        {
            S.Secrets.Remove(secret);
            await state.WriteStateAsync();
        }
    }
}
