namespace CloudMgmt.Adapters.OpenStack.Identity;

/// <summary>A Keystone token with its catalog. Renewed before it expires: a call never starts on a token about to lapse.</summary>
internal sealed record KeystoneToken(string Value, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string? ProjectId, ServiceCatalog Catalog)
{
    /// <summary>When to get a new token: five minutes before expiry, or half-way for short-lived tokens.</summary>
    public DateTimeOffset RenewAt
    {
        get
        {
            var lifetime = ExpiresAt - IssuedAt;
            var margin = lifetime > TimeSpan.FromMinutes(10) ? TimeSpan.FromMinutes(5) : lifetime / 2;
            return ExpiresAt - margin;
        }
    }
}
