using System.CommandLine;
using CloudMgmt.Cli.Hosting;
using CloudMgmt.Cli.Output;
using CloudMgmt.Client;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Cli.Commands;

/// <summary>cmctl clouds list|get|register|drain|undrain|reconcile.</summary>
internal static class CloudsCommands
{
    public static Command Build(Runner run)
    {
        var clouds = new Command("clouds", "The clouds under management: capacity, grants and health");

        var list = new Command("list", "List clouds");
        run.Action(list, async (_, client, print, ct) =>
        {
            print.List(await client.Clouds.ListAsync(ct), Views.Clouds);
            return ExitCodes.Ok;
        });
        clouds.Subcommands.Add(list);
        clouds.Subcommands.Add(OnOne(run, "get", "Show one cloud", (c, id, ct) => c.Clouds.GetAsync(id, ct)));
        clouds.Subcommands.Add(Register(run));
        clouds.Subcommands.Add(OnOne(run, "drain", "Drain a cloud: keep its grants, place nothing new there (operator)", (c, id, ct) => c.Clouds.DrainAsync(id, ct)));
        clouds.Subcommands.Add(OnOne(run, "undrain", "End a drain (operator)", (c, id, ct) => c.Clouds.UndrainAsync(id, ct)));
        clouds.Subcommands.Add(OnOne(run, "reconcile", "Reconcile a cloud now: inventory, health, grants (operator)", (c, id, ct) => c.Clouds.ReconcileAsync(id, ct)));
        return clouds;
    }

    private static Command OnOne(Runner run, string name, string description, Func<CloudMgmtClient, string, CancellationToken, Task<Cloud>> call)
    {
        var id = new Argument<string>("id") { Description = "The cloud's id" };
        var command = new Command(name, description) { id };
        run.Action(command, async (parse, client, print, ct) =>
        {
            print.One(await call(client, parse.GetRequiredValue(id), ct), Views.Clouds);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Register(Runner run)
    {
        var id = new Argument<string>("id") { Description = "The cloud's id (1-63 lower-case letters, digits and '-')" };
        var kind = new Option<string>("--kind") { Description = "openstack, kubernetes, ec2 or sandbox", Required = true };
        kind.CompletionSources.Add("openstack", "kubernetes", "ec2", "sandbox");
        var region = new Option<string>("--region") { Description = "Its region, e.g. anhui", Required = true };
        var endpoint = new Option<string?>("--endpoint") { Description = "Its API endpoint (for OpenStack, Keystone's URL)" };
        var credentials = new Option<string?>("--credentials-ref")
        {
            Description = "Where the controller reads the cloud's credentials: env:NAME or file:/path (never the credentials themselves)",
            HelpName = "REF",
        };
        var labels = Amounts.Labels("--label", "Labels placement reads: securityLevel, architecture, xinchuang, sector");
        var settings = Amounts.Labels("--setting", "Adapter settings, e.g. flavor=m1.medium (see adapters/README.md)");
        var register = new Command("register", "Register a cloud to manage (operator)") { id, kind, region, endpoint, credentials, labels, settings };
        run.Action(register, async (parse, client, print, ct) =>
        {
            var cloud = await client.Clouds.RegisterAsync(new NewCloud
            {
                Id = parse.GetRequiredValue(id),
                Kind = parse.GetRequiredValue(kind),
                Region = parse.GetRequiredValue(region),
                Endpoint = parse.GetValue(endpoint),
                CredentialsRef = parse.GetValue(credentials),
                Labels = parse.GetValue(labels),
                Settings = parse.GetValue(settings),
            }, ct);
            print.One(cloud, Views.Clouds);
            return ExitCodes.Ok;
        });
        return register;
    }
}
