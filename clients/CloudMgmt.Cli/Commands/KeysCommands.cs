using System.CommandLine;
using System.Xml;
using CloudMgmt.Cli.Hosting;
using CloudMgmt.Cli.Output;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Cli.Commands;

/// <summary>cmctl keys list|create|rotate|revoke (operator; a scoped operator within its pool).</summary>
internal static class KeysCommands
{
    public static Command Build(Runner run)
    {
        var keys = new Command("keys", "API keys (operator)");

        var list = new Command("list", "List keys (never their tokens): scope, expiry and when each was last used");
        run.Action(list, async (_, client, print, ct) =>
        {
            print.List(await client.Keys.ListAsync(ct), Views.Keys);
            return ExitCodes.Ok;
        });

        keys.Subcommands.Add(list);
        keys.Subcommands.Add(Create(run));
        keys.Subcommands.Add(Rotate(run));

        var id = new Argument<string>("id") { Description = "The key's id" };
        var revoke = new Command("revoke", "Revoke a key at once: requests with it fail from now on, on every node") { id };
        run.Action(revoke, async (parse, client, print, ct) =>
        {
            await client.Keys.RevokeAsync(parse.GetRequiredValue(id), ct);
            print.Note(Texts.Revoked(run.Terminal, parse.GetRequiredValue(id)));
            return ExitCodes.Ok;
        });
        keys.Subcommands.Add(revoke);
        return keys;
    }

    private static Command Create(Runner run)
    {
        var role = new Option<string>("--role") { Description = "operator, department, viewer or metrics (scrapes /metrics only)", Required = true };
        role.AcceptOnlyFromAmong(ApiKeyRoles.Operator, ApiKeyRoles.Department, ApiKeyRoles.Viewer, ApiKeyRoles.Metrics);
        var tenant = new Option<string?>("--tenant") { Description = "The tenant a department key acts for" };
        var pool = new Option<string?>("--pool") { Description = "Scope an operator or viewer key to this pool and the pools below it (default: the whole tree)" };
        var expires = new Option<DateTimeOffset?>("--expires")
        {
            Description = "When the key stops working: a time (2027-06-30T00:00:00Z) or a duration from now (90d, 12h); default never",
            HelpName = "TIME|DURATION",
            CustomParser = r => Expiry(r),
        };
        var name = new Option<string?>("--name") { Description = "A name for people, e.g. hr-system" };
        var create = new Command("create", "Create a key; its token is printed this once. No key can make one broader or longer-lived than itself")
        {
            role, tenant, pool, expires, name,
        };
        run.Action(create, async (parse, client, print, ct) =>
        {
            var issued = await client.Keys.CreateAsync(new NewApiKey
            {
                Role = parse.GetRequiredValue(role),
                Tenant = parse.GetValue(tenant),
                Pool = parse.GetValue(pool),
                ExpiresAt = parse.GetValue(expires),
                Name = parse.GetValue(name),
            }, ct);
            print.One(issued, Views.IssuedKey);
            print.Note(Texts.TokenOnce(run.Terminal));
            return ExitCodes.Ok;
        });
        return create;
    }

    private static Command Rotate(Runner run)
    {
        var id = new Argument<string>("id") { Description = "The key's id" };
        var grace = new Option<TimeSpan?>("--grace")
        {
            Description = "How long the old token keeps working: 90s, 15m, 1h, 7d (default: it stops at once)",
            HelpName = "DURATION",
            CustomParser = r => WaitOptions.Duration(r.Tokens[0].Value) ?? Fail<TimeSpan?>(r, $"'{r.Tokens[0].Value}' is not a duration: use 90s, 15m, 1h or 7d"),
        };
        var rotate = new Command("rotate", "Give a key a new token, printed this once; the old one keeps working for --grace") { id, grace };
        run.Action(rotate, async (parse, client, print, ct) =>
        {
            var rotation = new KeyRotation { Grace = parse.GetValue(grace) is { } g ? XmlConvert.ToString(g) : null };
            var issued = await client.Keys.RotateAsync(parse.GetRequiredValue(id), rotation, ct);
            print.One(issued, Views.IssuedKey);
            print.Note(Texts.TokenOnce(run.Terminal));
            return ExitCodes.Ok;
        });
        return rotate;
    }

    /// <summary>An ISO 8601 time, or a duration from now.</summary>
    private static DateTimeOffset? Expiry(System.CommandLine.Parsing.ArgumentResult r)
    {
        var text = r.Tokens[0].Value;
        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        return WaitOptions.Duration(text) is { } after
            ? DateTimeOffset.UtcNow + after
            : Fail<DateTimeOffset?>(r, $"'{text}' is neither a time (2027-06-30T00:00:00Z) nor a duration (90d)");
    }

    private static T? Fail<T>(System.CommandLine.Parsing.ArgumentResult r, string message)
    {
        r.AddError(message);
        return default;
    }
}
