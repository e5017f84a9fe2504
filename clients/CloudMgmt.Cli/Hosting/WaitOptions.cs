using System.CommandLine;
using System.Globalization;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Cli.Hosting;

/// <summary>--wait STATUS and --timeout DURATION, for commands that start a change the reconciler finishes.</summary>
internal sealed class WaitOptions
{
    private static readonly string[] Statuses =
    [
        AllocationStatuses.Admitted, AllocationStatuses.PendingApproval, AllocationStatuses.Placed, AllocationStatuses.Provisioning,
        AllocationStatuses.Ready, AllocationStatuses.Released, AllocationStatuses.Rejected,
    ];

    public WaitOptions(string example)
    {
        Wait = new Option<string?>("--wait")
        {
            Description = $"Wait until the allocation is in this status (e.g. {example}), showing each change; exit 4 if it ends in another final status",
            HelpName = "STATUS",
        };
        Wait.CompletionSources.Add(Statuses);
        Wait.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && !Statuses.Contains(r.Tokens[0].Value, StringComparer.OrdinalIgnoreCase))
            {
                r.AddError($"'{r.Tokens[0].Value}' is not a status to wait for: {string.Join(", ", Statuses)}");
            }
        });
        Timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "How long --wait waits: 90s, 5m, 1h (default 5m); exit 1 when it passes",
            HelpName = "DURATION",
            DefaultValueFactory = _ => TimeSpan.FromMinutes(5),
            CustomParser = r => Duration(r.Tokens[0].Value) ?? Fail(r),
        };
    }

    public Option<string?> Wait { get; }

    public Option<TimeSpan> Timeout { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Wait);
        command.Options.Add(Timeout);
    }

    /// <summary>"90s", "5m", "2h", "7d", or a TimeSpan ("00:05:00").</summary>
    public static TimeSpan? Duration(string text)
    {
        if (text.Length > 1 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return text[^1] switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => null,
            };
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : null;
    }

    private static TimeSpan Fail(System.CommandLine.Parsing.ArgumentResult r)
    {
        r.AddError($"'{r.Tokens[0].Value}' is not a duration: use 90s, 5m or 1h");
        return TimeSpan.Zero;
    }
}
