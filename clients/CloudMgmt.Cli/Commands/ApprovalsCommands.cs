using System.CommandLine;
using CloudMgmt.Cli.Hosting;
using CloudMgmt.Cli.Output;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Cli.Commands;

/// <summary>cmctl approvals list|approve|reject: requests above a pool's approval threshold.</summary>
internal static class ApprovalsCommands
{
    public static Command Build(Runner run)
    {
        var approvals = new Command("approvals", "Requests waiting for an operator's approval");

        var tenant = new Option<string?>("--tenant") { Description = "One tenant's requests only" };
        var list = new Command("list", "List requests waiting for approval") { tenant };
        run.Action(list, async (parse, client, print, ct) =>
        {
            var filter = new AllocationFilter { Tenant = parse.GetValue(tenant), Status = AllocationStatuses.PendingApproval };
            print.List(await AllocCommands.Read(client.Allocations.ListAsync(filter, ct), null, ct), Views.Allocations);
            return ExitCodes.Ok;
        });
        approvals.Subcommands.Add(list);
        approvals.Subcommands.Add(Decide(run, "approve", "Approve a waiting request (operator)", approve: true));
        approvals.Subcommands.Add(Decide(run, "reject", "Reject a waiting request (operator); its quota returns", approve: false));
        return approvals;
    }

    private static Command Decide(Runner run, string name, string description, bool approve)
    {
        var id = new Argument<string>("id") { Description = "The allocation's id" };
        var reason = new Option<string?>("--reason") { Description = "Why, for the record, e.g. \"plan 2026-17\"" };
        var wait = new WaitOptions(approve ? "Ready" : "Rejected");
        var command = new Command(name, description) { id, reason };
        wait.AddTo(command);
        run.Action(command, async (parse, client, print, ct) =>
        {
            var allocationId = parse.GetRequiredValue(id);
            var allocation = approve
                ? await client.Allocations.ApproveAsync(allocationId, parse.GetValue(reason), ct)
                : await client.Allocations.RejectAsync(allocationId, parse.GetValue(reason), ct);
            print.One(await AllocCommands.WaitIfAsked(parse, wait, client, allocation, run.Terminal, ct), Views.Allocation);
            return ExitCodes.Ok;
        });
        return command;
    }
}
