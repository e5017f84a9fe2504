using System.CommandLine;
using CloudMgmt.Cli.Hosting;
using CloudMgmt.Cli.Output;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Cli.Commands;

/// <summary>cmctl alloc request --tenant T --vcpu 16 --memory 64 --constraint xinchuang=true [--dry-run] [--wait Ready].</summary>
internal static class AllocRequest
{
    /// <summary>--vcpu, --memory (GiB), --storage (GiB) and --resource NAME=AMOUNT for anything else.</summary>
    public sealed class Resources
    {
        private readonly Option<long?> _vcpu = new("--vcpu") { Description = "Virtual CPUs" };
        private readonly Option<long?> _memory = new("--memory") { Description = "Memory in GiB (the resource memoryGiB)" };
        private readonly Option<long?> _storage = new("--storage") { Description = "Block storage in GiB (the resource storageGiB)" };
        private readonly Option<Dictionary<string, long>?> _other = Amounts.Resources("--resource", "Any other resource, e.g. gpu=2");

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { _vcpu, _memory, _storage, _other })
            {
                command.Options.Add(option);
            }
        }

        /// <summary>The amounts given, or null when none was.</summary>
        public Dictionary<string, long>? Read(ParseResult parse)
        {
            var amounts = new Dictionary<string, long>(parse.GetValue(_other) ?? [], StringComparer.Ordinal);
            foreach (var (name, option) in new[] { ("vcpu", _vcpu), ("memoryGiB", _memory), ("storageGiB", _storage) })
            {
                if (parse.GetValue(option) is { } amount && !amounts.TryAdd(name, amount))
                {
                    throw new CliException(ExitCodes.Usage, $"{name} is given twice (by its own option and by --resource)");
                }
            }

            return amounts.Count == 0 ? null : amounts;
        }
    }

    public static Resources ResourceOptions() => new();

    public static Command Build(Runner run)
    {
        var tenant = new Option<string?>("--tenant") { Description = "The tenant it is for (a department key's own tenant when left out)" };
        var resources = ResourceOptions();
        var constraints = Amounts.Labels("--constraint", "Where it may go, e.g. xinchuang=true, securityLevel=3");
        var priority = new Option<int?>("--priority") { Description = "-1000 to 1000; higher goes first" };
        var key = new Option<string?>("--idempotency-key")
        {
            Description = "Repeating the command with the same key returns the same allocation instead of making another (default: a new key per command)",
            HelpName = "KEY",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would happen and why; change nothing (exit 4 if it would not be admitted)" };
        var wait = new WaitOptions("Ready");
        var request = new Command("request", "Request capacity for a tenant") { tenant, constraints, priority, key, dryRun };
        resources.AddTo(request);
        wait.AddTo(request);
        run.Action(request, async (parse, client, print, ct) =>
        {
            var body = new NewAllocation
            {
                Tenant = parse.GetValue(tenant),
                Resources = resources.Read(parse) ?? throw new CliException(ExitCodes.Usage, "say what to request: --vcpu, --memory, --storage or --resource"),
                Constraints = parse.GetValue(constraints),
                Priority = parse.GetValue(priority),
            };
            if (parse.GetValue(dryRun))
            {
                var result = await client.Allocations.DryRunAsync(body, ct);
                print.One(result, Views.DryRun);
                if (!result.WouldBeAdmitted)
                {
                    print.Note(Texts.WouldNotFit(run.Terminal));
                    return ExitCodes.Conflict;
                }

                return ExitCodes.Ok;
            }

            var allocation = await client.Allocations.RequestAsync(body, parse.GetValue(key), ct);
            print.One(await AllocCommands.WaitIfAsked(parse, wait, client, allocation, run.Terminal, ct), Views.Allocation);
            return ExitCodes.Ok;
        });
        return request;
    }
}
