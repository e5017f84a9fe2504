using System.Text;
using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Tests.Support;

internal enum OpKind
{
    Reserve,
    Resize,
    Release,
}

/// <summary>
/// One step of a random run. <see cref="Pool"/> and <see cref="Target"/> are raw picks, taken
/// modulo the number of pools or of live allocations when the step runs; a resize or release with
/// no live allocation becomes a reserve.
/// </summary>
internal sealed record Op(OpKind Kind, int Pool, int Target, long[] Amount);

/// <summary>A random quota tree and a random sequence of operations on it.</summary>
internal sealed record Scenario(string[] Resources, PoolDefinition[] Pools, Op[] Ops)
{
    public ResourceVector Vector(long[] amounts) =>
        ResourceVector.Of(Resources.Select((name, i) => (name, amounts[i])).ToArray());

    /// <summary>Readable enough to rebuild the failing case by hand from a test's output.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder().AppendLine();
        foreach (var p in Pools)
        {
            sb.Append("  ").Append(p.Id).Append(p.ParentId is null ? " (root)" : $" < {p.ParentId}")
                .Append(" nominal ").Append(p.Nominal);
            if (p.BorrowingLimit is not null)
            {
                sb.Append(" borrowing ").Append(p.BorrowingLimit);
            }

            if (p.LendingLimit is not null)
            {
                sb.Append(" lending {").AppendJoin(',', p.LendingLimit.Select(l => $" {l.Key}={l.Value}")).Append(" }");
            }

            sb.AppendLine();
        }

        foreach (var op in Ops)
        {
            sb.Append("  ").Append(op.Kind).Append(" pool#").Append(op.Pool).Append(" target#").Append(op.Target)
                .Append(' ').Append(Vector(op.Amount)).AppendLine();
        }

        return sb.ToString();
    }
}
