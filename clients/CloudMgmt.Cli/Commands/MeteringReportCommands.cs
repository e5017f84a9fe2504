using System.CommandLine;
using CloudMgmt.Cli.Hosting;
using CloudMgmt.Cli.Output;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Cli.Commands;

/// <summary>
/// cmctl report statement|budgets|supervision: a month's showback statement, the pools' budgets and the supervision
/// report. -o csv prints the server's own CSV where it has one (statement, supervision); budgets have none, so cmctl writes it.
/// Budgets are set in the service catalogue (policies/catalogue), not through the API.
/// </summary>
internal static class MeteringReportCommands
{
    private static Option<string?> Month() => new("--month")
    {
        Description = "The month, yyyy-MM (default: the current month in the province's time); within the controller's daily retention",
        HelpName = "YYYY-MM",
    };

    public static Command Statement(Runner run)
    {
        var month = Month();
        var by = new Option<string>("--by") { Description = "Per department (tenant) or per pool (operators and viewers)", DefaultValueFactory = _ => "tenant" };
        by.AcceptOnlyFromAmong("tenant", "pool");
        var statement = new Command("statement", "A month's showback statement priced from the service catalogue: lines per service and price, totals to the fen") { month, by };
        run.Action(statement, async (parse, client, print, ct) =>
        {
            var query = new StatementQuery { Month = parse.GetValue(month), By = parse.GetValue(by) };
            return await Print(print, () => client.Reports.StatementCsvAsync(query, ct), () => client.Reports.StatementAsync(query, ct), result =>
            {
                print.List(MeteringViews.Rows(result), MeteringViews.Statement);
                print.Note(Texts.StatementBasis(run.Terminal, result.Month, result.Catalogue, result.ChargeBasis, Views.Time(result.ClosedThrough)));
            });
        });
        return statement;
    }

    public static Command Budgets(Runner run)
    {
        var month = Month();
        var budgets = new Command("budgets", "Each pool's monthly budget (set in the service catalogue), spend to date and month-end forecast (operators and viewers)") { month };
        run.Action(budgets, async (parse, client, print, ct) =>
        {
            var result = await client.Reports.BudgetsAsync(parse.GetValue(month), ct);
            print.List(result, MeteringViews.Budgets);
            if (print.Format == OutputFormat.Table && result.Any(b => b.OverBudget))
            {
                print.Note(Texts.OverBudget(run.Terminal, result.Where(b => b.OverBudget).Select(b => b.Pool))); // the report was made: still exit 0
            }

            return ExitCodes.Ok;
        });
        return budgets;
    }

    public static Command Supervision(Runner run)
    {
        var month = Month();
        var supervision = new Command("supervision", "The monthly supervision report: efficiency, idle grants, reclaimed capacity and rank per department; grants under the threshold all month") { month };
        run.Action(supervision, async (parse, client, print, ct) =>
        {
            var which = parse.GetValue(month);
            return await Print(print, () => client.Reports.SupervisionCsvAsync(which, ct), () => client.Reports.SupervisionAsync(which, ct), result =>
            {
                print.List(result.Departments, MeteringViews.Supervision);
                if (result.LowEfficiencyGrants.Count > 0)
                {
                    print.Raw("\n" + Texts.LowEfficiencyGrants(run.Terminal, result.LowEfficiencyThreshold));
                    print.List(result.LowEfficiencyGrants, MeteringViews.Grants);
                }
            });
        });
        return supervision;
    }

    /// <summary>A report the server writes as CSV too: -o csv prints the server's CSV unchanged, json and yaml the whole report, a table what <paramref name="table"/> makes of it.</summary>
    public static async Task<int> Print<T>(Printer print, Func<Task<string>> csv, Func<Task<T>> report, Action<T> table)
    {
        if (print.Format == OutputFormat.Csv)
        {
            print.Raw(await csv());
            return ExitCodes.Ok;
        }

        var result = await report();
        if (print.Format == OutputFormat.Table)
        {
            table(result);
        }
        else
        {
            print.Whole(result);
        }

        return ExitCodes.Ok;
    }
}
