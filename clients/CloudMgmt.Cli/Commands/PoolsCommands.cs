using System.CommandLine;
using CloudMgmt.Cli.Hosting;
using CloudMgmt.Cli.Output;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Cli.Commands;

/// <summary>cmctl pools tree|list|get|create|set.</summary>
internal static class PoolsCommands
{
    private static readonly Column<(string Indent, Pool Pool)>[] TreeColumns =
    [
        new("POOL", n => n.Indent + n.Pool.Id),
        new("NAME", n => n.Pool.DisplayName ?? "", Cut: true),
        new("QUOTA", n => Views.Resources(n.Pool.Quota), Cut: true),
        new("RESERVED/SUBTREE", n => Views.Usage(n.Pool.Reserved, n.Pool.SubtreeQuota), Cut: true),
        new("BORROWED", n => Views.Resources(n.Pool.Borrowed), Cut: true),
    ];

    public static Command Build(Runner run)
    {
        var pools = new Command("pools", "Quota pools: province > city > county > department");

        var tree = new Command("tree", "Show the pool tree with quota, reserved and borrowed");
        run.Action(tree, async (_, client, print, ct) =>
        {
            var roots = await client.Pools.TreeAsync(ct);
            if (print.Format is OutputFormat.Table or OutputFormat.Csv)
            {
                print.List(Flatten(roots, "", roots: true).ToList(), TreeColumns);
            }
            else
            {
                print.Whole(roots);
            }

            return ExitCodes.Ok;
        });

        var list = new Command("list", "List pools");
        run.Action(list, async (_, client, print, ct) =>
        {
            print.List(await client.Pools.ListAsync(ct), Views.Pools);
            return ExitCodes.Ok;
        });

        var id = new Argument<string>("id") { Description = "The pool's id" };
        var get = new Command("get", "Show one pool") { id };
        run.Action(get, async (parse, client, print, ct) =>
        {
            print.One(await client.Pools.GetAsync(parse.GetRequiredValue(id), ct), Views.Pools);
            return ExitCodes.Ok;
        });

        pools.Subcommands.Add(tree);
        pools.Subcommands.Add(list);
        pools.Subcommands.Add(get);
        pools.Subcommands.Add(Create(run));
        pools.Subcommands.Add(Set(run));
        return pools;
    }

    private static Command Create(Runner run)
    {
        var id = new Argument<string>("id") { Description = "The new pool's id (1-63 lower-case letters, digits and '-')" };
        var parent = new Option<string?>("--parent") { Description = "The parent pool; leave out for a root" };
        var name = new Option<string?>("--display-name") { Description = "A name for people, e.g. \"Hefei Health Commission\"" };
        var quota = Amounts.Resources("--quota", "The pool's own quota");
        quota.Required = true;
        var (borrowing, lending, threshold) = Limits();
        var create = new Command("create", "Create a pool (operator)") { id, parent, name, quota, borrowing, lending, threshold };
        run.Action(create, async (parse, client, print, ct) =>
        {
            var pool = await client.Pools.CreateAsync(new NewPool
            {
                Id = parse.GetRequiredValue(id),
                Parent = parse.GetValue(parent),
                DisplayName = parse.GetValue(name),
                Quota = parse.GetValue(quota)!,
                BorrowingLimit = parse.GetValue(borrowing),
                LendingLimit = parse.GetValue(lending),
                ApprovalThreshold = parse.GetValue(threshold),
            }, ct);
            print.One(pool, Views.Pools);
            return ExitCodes.Ok;
        });
        return create;
    }

    private static Command Set(Runner run)
    {
        var id = new Argument<string>("id") { Description = "The pool's id" };
        var name = new Option<string?>("--display-name") { Description = "A new name for people" };
        var quota = Amounts.Resources("--quota", "A new quota");
        var (borrowing, lending, threshold) = Limits();
        var set = new Command("set", "Change a pool's quota, limits or approval threshold (operator); what is not given stays") { id, name, quota, borrowing, lending, threshold };
        run.Action(set, async (parse, client, print, ct) =>
        {
            var pool = await client.Pools.UpdateAsync(parse.GetRequiredValue(id), new PoolChanges
            {
                DisplayName = parse.GetValue(name),
                Quota = parse.GetValue(quota),
                BorrowingLimit = parse.GetValue(borrowing),
                LendingLimit = parse.GetValue(lending),
                ApprovalThreshold = parse.GetValue(threshold),
            }, ct);
            print.One(pool, Views.Pools);
            return ExitCodes.Ok;
        });
        return set;
    }

    private static (Option<Dictionary<string, long>?>, Option<Dictionary<string, long>?>, Option<Dictionary<string, long>?>) Limits() => (
        Amounts.Resources("--borrowing-limit", "How much it may borrow from its parent's unused share"),
        Amounts.Resources("--lending-limit", "How much of its quota it keeps for itself"),
        Amounts.Resources("--approval-threshold", "Requests above these amounts wait for an operator"));

    /// <summary>Each pool after its parent, indented with box-drawing branches like tree(1).</summary>
    private static IEnumerable<(string, Pool)> Flatten(IReadOnlyList<PoolTreeNode> nodes, string prefix, bool roots)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            var last = i == nodes.Count - 1;
            yield return (roots ? "" : prefix + (last ? "└─ " : "├─ "), nodes[i].Pool);
            foreach (var child in Flatten(nodes[i].Children, roots ? "" : prefix + (last ? "   " : "│  "), roots: false))
            {
                yield return child;
            }
        }
    }
}
