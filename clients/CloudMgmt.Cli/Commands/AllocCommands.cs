using System.CommandLine;
using CloudMgmt.Cli.Hosting;
using CloudMgmt.Cli.Output;
using CloudMgmt.Client;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Cli.Commands;

/// <summary>cmctl alloc request|list|get|resize|release.</summary>
internal static class AllocCommands
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static Command Build(Runner run)
    {
        var alloc = new Command("alloc", "Allocations: capacity requested by departments");
        alloc.Subcommands.Add(AllocRequest.Build(run));
        alloc.Subcommands.Add(List(run));

        var id = new Argument<string>("id") { Description = "The allocation's id (alloc-...)" };
        var get = new Command("get", "Show one allocation: status, cloud and its last event (-o yaml for the decision and history)") { id };
        run.Action(get, async (parse, client, print, ct) =>
        {
            print.One(await client.Allocations.GetAsync(parse.GetRequiredValue(id), ct), Views.Allocation);
            return ExitCodes.Ok;
        });
        alloc.Subcommands.Add(get);
        alloc.Subcommands.Add(Resize(run));
        alloc.Subcommands.Add(Release(run));
        return alloc;
    }

    private static Command List(Runner run)
    {
        var tenant = new Option<string?>("--tenant") { Description = "One tenant's allocations only" };
        var status = new Option<string?>("--status") { Description = "In this status only (Ready, PendingApproval, ...)" };
        var limit = new Option<int?>("--limit") { Description = "At most this many (default: all, read page by page)" };
        var list = new Command("list", "List allocations") { tenant, status, limit };
        run.Action(list, async (parse, client, print, ct) =>
        {
            var filter = new AllocationFilter { Tenant = parse.GetValue(tenant), Status = parse.GetValue(status) };
            print.List(await Read(client.Allocations.ListAsync(filter, ct), parse.GetValue(limit), ct), Views.Allocations);
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command Resize(Runner run)
    {
        var id = new Argument<string>("id") { Description = "The allocation's id" };
        var resources = AllocRequest.ResourceOptions();
        var wait = new WaitOptions("Ready");
        var resize = new Command("resize", "Resize an allocation: the resources given take the new amounts, the others keep theirs; the grant on its cloud follows") { id };
        resources.AddTo(resize);
        wait.AddTo(resize);
        run.Action(resize, async (parse, client, print, ct) =>
        {
            var amounts = resources.Read(parse) ?? throw new CliException(ExitCodes.Usage, "give the new size: --vcpu, --memory, --storage or --resource");
            var allocation = await client.Allocations.ResizeAsync(parse.GetRequiredValue(id), amounts, ct);
            print.One(await WaitIfAsked(parse, wait, client, allocation, run.Terminal, ct), Views.Allocation);
            return ExitCodes.Ok;
        });
        return resize;
    }

    private static Command Release(Runner run)
    {
        var id = new Argument<string>("id") { Description = "The allocation's id" };
        var wait = new WaitOptions("Released");
        var release = new Command("release", "Release an allocation: its grant is removed, then its quota returns") { id };
        wait.AddTo(release);
        run.Action(release, async (parse, client, print, ct) =>
        {
            var allocation = await client.Allocations.ReleaseAsync(parse.GetRequiredValue(id), ct);
            print.One(await WaitIfAsked(parse, wait, client, allocation, run.Terminal, ct), Views.Allocation);
            return ExitCodes.Ok;
        });
        return release;
    }

    public static async Task<Allocation> WaitIfAsked(
        ParseResult parse, WaitOptions wait, CloudMgmtClient client, Allocation allocation, Terminal terminal, CancellationToken ct) =>
        parse.GetValue(wait.Wait) is { } status
            ? await Waiter.UntilAsync(client, allocation, status, parse.GetValue(wait.Timeout), PollInterval, terminal, ct)
            : allocation;

    public static async Task<List<T>> Read<T>(IAsyncEnumerable<T> items, int? limit, CancellationToken ct)
    {
        var result = new List<T>();
        await foreach (var item in items.WithCancellation(ct))
        {
            if (result.Count == limit)
            {
                break;
            }

            result.Add(item);
        }

        return result;
    }
}
