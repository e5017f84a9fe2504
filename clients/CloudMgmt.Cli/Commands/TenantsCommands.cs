using System.CommandLine;
using CloudMgmt.Cli.Hosting;
using CloudMgmt.Cli.Output;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Cli.Commands;

/// <summary>cmctl tenants list|get|create.</summary>
internal static class TenantsCommands
{
    public static Command Build(Runner run)
    {
        var tenants = new Command("tenants", "Tenants: the departments that request capacity");

        var list = new Command("list", "List tenants (a department key sees its own)");
        run.Action(list, async (_, client, print, ct) =>
        {
            print.List(await client.Tenants.ListAsync(ct), Views.Tenants);
            return ExitCodes.Ok;
        });

        var id = new Argument<string>("id") { Description = "The tenant's id" };
        var get = new Command("get", "Show one tenant with its usage") { id };
        run.Action(get, async (parse, client, print, ct) =>
        {
            print.One(await client.Tenants.GetAsync(parse.GetRequiredValue(id), ct), Views.Tenants);
            return ExitCodes.Ok;
        });

        var newId = new Argument<string>("id") { Description = "The new tenant's id (1-63 lower-case letters, digits and '-')" };
        var pool = new Option<string>("--pool") { Description = "The pool its allocations are charged to", Required = true };
        var name = new Option<string?>("--display-name") { Description = "A name for people" };
        var create = new Command("create", "Create a tenant under a pool (operator)") { newId, pool, name };
        run.Action(create, async (parse, client, print, ct) =>
        {
            var tenant = await client.Tenants.CreateAsync(new NewTenant
            {
                Id = parse.GetRequiredValue(newId),
                Pool = parse.GetRequiredValue(pool),
                DisplayName = parse.GetValue(name),
            }, ct);
            print.One(tenant, Views.Tenants);
            return ExitCodes.Ok;
        });

        tenants.Subcommands.Add(list);
        tenants.Subcommands.Add(get);
        tenants.Subcommands.Add(create);
        return tenants;
    }
}
