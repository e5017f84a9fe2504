using System.Diagnostics;
using CloudMgmt.Cli.Output;
using CloudMgmt.Client;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Cli.Commands;

/// <summary>
/// --wait STATUS: polls the allocation until it reaches the status, shows each change on stderr, and fails
/// when it ends in another final status (exit 4) or the timeout passes (exit 1).
/// </summary>
internal static class Waiter
{
    public static async Task<Allocation> UntilAsync(
        CloudMgmtClient client, Allocation current, string wanted, TimeSpan timeout, TimeSpan interval, Terminal terminal, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        terminal.Error.WriteLine(Texts.Waiting(terminal, current.Id, wanted));
        var shown = "";
        while (true)
        {
            if (current.Status != shown)
            {
                terminal.Error.WriteLine("  " + Texts.Reached(terminal, current.Id, current.Status, clock.Elapsed));
                shown = current.Status;
            }

            if (string.Equals(current.Status, wanted, StringComparison.OrdinalIgnoreCase))
            {
                return current;
            }

            if (AllocationStatuses.IsFinal(current.Status))
            {
                throw new CliException(ExitCodes.Conflict, Texts.NeverReaches(terminal, current.Id, current.Status, wanted));
            }

            if (clock.Elapsed >= timeout)
            {
                throw new CliException(ExitCodes.Error, Texts.TimedOut(terminal, current.Id, wanted, timeout, current.Status));
            }

            await Task.Delay(interval, ct); // polling a remote server's state; the server offers no watch
            current = await client.Allocations.GetAsync(current.Id, ct);
        }
    }
}
