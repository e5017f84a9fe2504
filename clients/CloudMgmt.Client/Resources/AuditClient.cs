using CloudMgmt.Client.Http;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Client.Resources;

/// <summary>The audit trail: <c>/api/v1/audit</c>. Each caller sees the records of its part of the tree.</summary>
public sealed class AuditClient
{
    private readonly ICloudMgmtApi _api;

    internal AuditClient(ICloudMgmtApi api) => _api = api;

    /// <summary>One page of records, oldest first.</summary>
    public Task<AuditPage> ListAsync(AuditQuery? query = null, CancellationToken ct = default)
    {
        var q = query ?? new AuditQuery();
        return ApiCall.Run(() => _api.Audit(q.Actor, q.Action, q.Target, q.From, q.To, q.Limit, q.After, ct));
    }

    /// <summary>Every record the query matches, page after page.</summary>
    public async IAsyncEnumerable<AuditRecord> ListAllAsync(
        AuditQuery? query = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var q = query ?? new AuditQuery();
        while (true)
        {
            var page = await ListAsync(q, ct).ConfigureAwait(false);
            foreach (var record in page.Items)
            {
                yield return record;
            }

            if (page.Next is not { } next)
            {
                yield break;
            }

            q = q with { After = next };
        }
    }

    /// <summary>One page as CSV (a header line, then a line per record).</summary>
    public Task<string> ListCsvAsync(AuditQuery? query = null, CancellationToken ct = default)
    {
        var q = query ?? new AuditQuery();
        return ApiCall.Run(() => _api.AuditCsv(q.Actor, q.Action, q.Target, q.From, q.To, q.Limit, q.After, ct));
    }

    /// <summary>Checks the trail's hash chain (callers that reach the whole tree).</summary>
    public Task<AuditVerification> VerifyAsync(CancellationToken ct = default) => ApiCall.Run(() => _api.VerifyAudit(ct));
}
