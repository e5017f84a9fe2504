using CloudMgmt.Application.Access;
using CloudMgmt.Grains;
using CloudMgmt.Grains.Persistence;

namespace CloudMgmt.Application.Audit;

/// <summary>
/// Reading the audit trail: unscoped operators and viewers see every record, callers scoped to a
/// pool the records about their subtree, departments those about their tenant. Verifying the chain
/// is for callers that reach the whole tree.
/// </summary>
public sealed class AuditService(IAuditStore store, AccessCheck access)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    private const int MaxFilter = 256;

    public async Task<Outcome<AuditPageResponse>> QueryAsync(Caller caller, AuditFilter filter)
    {
        if (await access.RoleAsync(caller, Operations.AuditRead, Resource.WholeTree()) is { } refused)
        {
            return refused;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var limit = filter.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"must be between 1 and {MaxLimit}"];
        }

        if (filter.From is { } from && filter.To is { } to && from >= to)
        {
            errors["from"] = ["must be before to"];
        }

        foreach (var (name, value) in new[] { ("actor", filter.Actor), ("action", filter.Action), ("target", filter.Target) })
        {
            if (value is not null && (value.Length is 0 or > MaxFilter || value.Any(char.IsControl)))
            {
                errors[name] = [$"must be 1-{MaxFilter} printable characters"];
            }
        }

        if (filter.After is < 0)
        {
            errors["after"] = ["must be the 'next' value of a previous page"];
        }

        if (errors.Count > 0)
        {
            return Failure.InvalidFields(errors);
        }

        var principal = caller.Principal;
        var page = await store.QueryAsync(new AuditQuery(filter.Actor, filter.Action, filter.Target, filter.From, filter.To, filter.After, limit,
            ScopePool: principal.Pool, ScopeTenant: principal.Role == Grains.Keys.ApiRole.Department ? principal.Tenant ?? "" : null));
        return new AuditPageResponse(page.Items.Select(AuditRecordResponse.From).ToList(), page.Next);
    }

    public async Task<Outcome<AuditVerifyResponse>> VerifyAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (await access.RoleAsync(caller, Operations.AuditVerify, Resource.WholeTree()) is { } refused)
        {
            return refused;
        }

        var v = await store.VerifyAsync(cancellationToken);
        return new AuditVerifyResponse(v.Valid, v.Records, v.FirstBroken, v.LastHash);
    }
}
