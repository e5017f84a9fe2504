using System.CommandLine;
using CloudMgmt.Cli.Hosting;
using CloudMgmt.Cli.Output;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Cli.Commands;

/// <summary>cmctl report efficiency --by tenant|pool|cloud|resource --step whole|hour|day|month --from T --to T; statement, budgets and supervision over a month.</summary>
internal static class ReportCommands
{
    public static Command Build(Runner run)
    {
        var report = new Command("report", "Reports");
        var by = new Option<string>("--by") { Description = "Group by tenant, pool, cloud or resource", DefaultValueFactory = _ => "tenant" };
        by.AcceptOnlyFromAmong("tenant", "pool", "cloud", "resource");
        var step = new Option<string?>("--step") { Description = "One row per key for the whole window (whole, the default), or per hour, day or month" };
        step.AcceptOnlyFromAmong("whole", "hour", "day", "month");
        var from = new Option<DateTimeOffset?>("--from") { Description = "Window start, ISO 8601 (default: 24 hours before --to), within the controller's retention", HelpName = "TIME" };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Window end, ISO 8601 (default: the start of this hour)", HelpName = "TIME" };
        var efficiency = new Command("efficiency", "Granted, used and efficiency (used/granted) per tenant, pool, cloud or resource") { by, step, from, to };
        run.Action(efficiency, async (parse, client, print, ct) =>
        {
            var query = new EfficiencyQuery { By = parse.GetValue(by), Step = parse.GetValue(step), From = parse.GetValue(from), To = parse.GetValue(to) };
            return await MeteringReportCommands.Print(print, () => client.Reports.EfficiencyCsvAsync(query, ct), () => client.Reports.EfficiencyAsync(query, ct),
                result => print.List(result.Rows, Views.Efficiency)); // -o csv: the server's own CSV, every resource in its columns
        });
        report.Subcommands.Add(efficiency);
        report.Subcommands.Add(MeteringReportCommands.Statement(run));
        report.Subcommands.Add(MeteringReportCommands.Budgets(run));
        report.Subcommands.Add(MeteringReportCommands.Supervision(run));
        return report;
    }
}
