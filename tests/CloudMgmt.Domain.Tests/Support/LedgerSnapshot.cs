using System.Text;
using CloudMgmt.Domain.Quota;

namespace CloudMgmt.Domain.Tests.Support;

/// <summary>
/// Every ledger of a tree rendered as text, pool by pool and entry by entry, so that two states
/// compare with one <c>Assert.Equal</c> and a difference reads as a diff.
/// </summary>
internal static class LedgerSnapshot
{
    public static string Of(QuotaTree tree)
    {
        var sb = new StringBuilder();
        foreach (var poolId in tree.Pools.Keys.Order(StringComparer.Ordinal))
        {
            var ledger = tree.LedgerOf(poolId);
            sb.Append(poolId).Append(": local ").Append(ledger.LocalUsed).Append(" spilled ").Append(ledger.Spilled).AppendLine();
            foreach (var (allocationId, entry) in ledger.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                sb.Append("  ").Append(allocationId).Append(": local ").Append(entry.Local)
                    .Append(" spill ").Append(entry.Spill).AppendLine();
            }
        }

        return sb.ToString();
    }

    public static bool AllEmpty(QuotaTree tree) =>
        tree.Pools.Keys.All(id => tree.LedgerOf(id) is { Entries.Count: 0, LocalUsed.IsZero: true, Spilled.IsZero: true });
}
