using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Quota;

/// <summary>One pool's threshold that a request crosses.</summary>
public sealed record ApprovalReason(string PoolId, string Resource, long Requested, long Threshold)
{
    public override string ToString() =>
        $"pool '{PoolId}' asks approval above {Threshold} {Resource} (requested {Requested})";
}

/// <summary>Decides whether a request must wait for an operator: it does when any pool on its path has a threshold it exceeds.</summary>
public static class ApprovalRule
{
    public static IReadOnlyList<ApprovalReason> Reasons(
        ResourceVector request, IEnumerable<(string PoolId, IReadOnlyDictionary<string, long>? Threshold)> path)
    {
        var reasons = new List<ApprovalReason>();
        foreach (var (poolId, threshold) in path)
        {
            if (threshold is null)
            {
                continue;
            }

            foreach (var (resource, limit) in threshold)
            {
                if (request[resource] > limit)
                {
                    reasons.Add(new ApprovalReason(poolId, resource, request[resource], limit));
                }
            }
        }

        return reasons;
    }
}
