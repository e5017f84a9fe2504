using System.CommandLine;
using CloudMgmt.Cli.Hosting;
using CloudMgmt.Cli.Output;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Cli.Commands;

/// <summary>cmctl keys list|create|revoke (operator).</summary>
internal static class KeysCommands
{
    public static Command Build(Runner run)
    {
        var keys = new Command("keys", "API keys (operator)");

        var list = new Command("list", "List keys (never their tokens)");
        run.Action(list, async (_, client, print, ct) =>
        {
            print.List(await client.Keys.ListAsync(ct), Views.Keys);
            return ExitCodes.Ok;
        });

        var role = new Option<string>("--role") { Description = "operator, department or viewer", Required = true };
        role.AcceptOnlyFromAmong(ApiKeyRoles.Operator, ApiKeyRoles.Department, ApiKeyRoles.Viewer);
        var tenant = new Option<string?>("--tenant") { Description = "The tenant a department key acts for" };
        var name = new Option<string?>("--name") { Description = "A name for people, e.g. hr-system" };
        var create = new Command("create", "Create a key; its token is printed this once") { role, tenant, name };
        run.Action(create, async (parse, client, print, ct) =>
        {
            var issued = await client.Keys.CreateAsync(new NewApiKey
            {
                Role = parse.GetRequiredValue(role),
                Tenant = parse.GetValue(tenant),
                Name = parse.GetValue(name),
            }, ct);
            print.One(issued, Views.IssuedKey);
            print.Note(Texts.TokenOnce(run.Terminal));
            return ExitCodes.Ok;
        });

        var id = new Argument<string>("id") { Description = "The key's id" };
        var revoke = new Command("revoke", "Revoke a key: requests with it fail from now on") { id };
        run.Action(revoke, async (parse, client, print, ct) =>
        {
            await client.Keys.RevokeAsync(parse.GetRequiredValue(id), ct);
            print.Note($"revoked {parse.GetRequiredValue(id)}");
            return ExitCodes.Ok;
        });

        keys.Subcommands.Add(list);
        keys.Subcommands.Add(create);
        keys.Subcommands.Add(revoke);
        return keys;
    }
}
