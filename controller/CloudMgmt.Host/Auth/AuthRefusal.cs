namespace CloudMgmt.Host.Auth;

/// <summary>
/// Why a request's credentials were refused, noted by whichever handler refused them, for the 401's
/// audit record and detail. Never carries a token: only its kind, the key id or subject when known, and a reason.
/// </summary>
internal sealed record AuthRefusal(string Kind, string? Id, string Reason)
{
    private static readonly object Slot = new();

    /// <summary>Notes the refusal for the 401 and its audit record, and logs it (aggregated, see <see cref="FailedAuthLog"/>).</summary>
    public static void Note(HttpContext context, string kind, string? id, string reason)
    {
        var refusal = new AuthRefusal(kind, id, reason);
        context.Items[Slot] = refusal;
        context.RequestServices.GetService<FailedAuthLog>()?.Failed(context, refusal);
    }

    public static AuthRefusal? Of(HttpContext context) => context.Items.TryGetValue(Slot, out var value) ? value as AuthRefusal : null;

    public static string? ReasonOf(HttpContext context) => Of(context)?.Reason;
}
