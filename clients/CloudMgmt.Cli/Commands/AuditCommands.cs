using System.CommandLine;
using CloudMgmt.Cli.Hosting;
using CloudMgmt.Cli.Output;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Cli.Commands;

/// <summary>cmctl audit list|verify: the audit trail, as far as the caller's part of the tree reaches.</summary>
internal static class AuditCommands
{
    public static Command Build(Runner run)
    {
        var audit = new Command("audit", "The audit trail: who changed what, from where, and what was refused");
        audit.Subcommands.Add(List(run));

        var verify = new Command("verify", "Check the trail's hash chain (callers that reach the whole tree); exit 1 when it is broken");
        run.Action(verify, async (_, client, print, ct) =>
        {
            var result = await client.Audit.VerifyAsync(ct);
            print.One(result, Views.AuditVerification);
            if (print.Format == OutputFormat.Table)
            {
                print.Note(result.Valid ? Texts.ChainIntact(run.Terminal, result.Records) : Texts.ChainBroken(run.Terminal, result.FirstBroken));
            }

            return result.Valid ? ExitCodes.Ok : ExitCodes.Error;
        });
        audit.Subcommands.Add(verify);
        return audit;
    }

    private static Command List(Runner run)
    {
        var actor = new Option<string?>("--actor") { Description = "Who: key:key-1a2b, oidc:wang.li, system:reconciler" };
        var action = new Option<string?>("--action") { Description = "What: pool.update, or a prefix ending in '*' (allocation.*)" };
        var target = new Option<string?>("--target") { Description = "To what: pool:hefei, cloud:anhui-1" };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Records at or after this time, ISO 8601", HelpName = "TIME" };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Records before this time, ISO 8601", HelpName = "TIME" };
        var limit = new Option<int?>("--limit") { Description = "Records per page, 1-1000 (default 100)" };
        var after = new Option<long?>("--after") { Description = "Start after this record id: the 'next' a previous page gave", HelpName = "ID" };
        var list = new Command("list", "Audit records, oldest first; -o csv is the server's export") { actor, action, target, from, to, limit, after };
        run.Action(list, async (parse, client, print, ct) =>
        {
            var query = new AuditQuery
            {
                Actor = parse.GetValue(actor), Action = parse.GetValue(action), Target = parse.GetValue(target),
                From = parse.GetValue(from), To = parse.GetValue(to), Limit = parse.GetValue(limit), After = parse.GetValue(after),
            };
            if (print.Format == OutputFormat.Csv)
            {
                print.Raw(await client.Audit.ListCsvAsync(query, ct)); // the server's export, the same columns as &format=csv
                return ExitCodes.Ok;
            }

            var page = await client.Audit.ListAsync(query, ct);
            if (print.Format == OutputFormat.Table)
            {
                print.List(page.Items, Views.Audit);
                if (page.Next is { } next)
                {
                    print.Note(Texts.NextPage(run.Terminal, next));
                }
            }
            else
            {
                print.Whole(page);
            }

            return ExitCodes.Ok;
        });
        return list;
    }
}
