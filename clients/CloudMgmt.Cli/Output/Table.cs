using System.Text;

namespace CloudMgmt.Cli.Output;

/// <summary>
/// A column of a table: its header, how to read a cell, how to colour it on a terminal, and whether it may be
/// cut to fit (ids, statuses and tokens never are: an operator copies them).
/// </summary>
internal sealed record Column<T>(string Header, Func<T, string> Cell, Func<string, string?>? Colour = null, bool Cut = false);

/// <summary>
/// Plain, kubectl-style tables: upper-case headers, columns three spaces apart, no borders (so grep and awk
/// work). When the rows are wider than the terminal, the widest of the columns that may be cut are cut (ending in
/// "…") until the rows fit.
/// </summary>
internal static class Table
{
    private const string Gap = "   ";
    private const int MinColumn = 6;

    public static string Render<T>(IReadOnlyList<Column<T>> columns, IEnumerable<T> rows, int? width, bool colour)
    {
        var cells = rows.Select(r => columns.Select(c => Clean(c.Cell(r))).ToArray()).ToList();
        var widths = columns.Select((c, i) => cells.Select(r => DisplayWidth.Of(r[i])).Append(c.Header.Length).Max()).ToArray();
        if (width is { } limit)
        {
            Fit(widths, columns.Select(c => c.Cut ? Math.Max(MinColumn, c.Header.Length) : int.MaxValue).ToArray(), limit);
        }

        var text = new StringBuilder();
        Line(text, columns.Select(c => c.Header).ToArray(), widths, _ => null);
        foreach (var row in cells)
        {
            Line(text, row, widths, i => colour ? columns[i].Colour?.Invoke(row[i]) : null);
        }

        return text.ToString();
    }

    /// <summary>Shrinks the widest column that may shrink, one step at a time, until the line fits or none can shrink further.</summary>
    private static void Fit(int[] widths, int[] minimums, int limit)
    {
        while (widths.Sum() + (Gap.Length * (widths.Length - 1)) > limit)
        {
            var widest = -1;
            for (var i = 0; i < widths.Length; i++)
            {
                if (widths[i] > minimums[i] && (widest < 0 || widths[i] > widths[widest]))
                {
                    widest = i;
                }
            }

            if (widest < 0)
            {
                return; // as narrow as it sensibly gets; the terminal wraps the rest
            }

            widths[widest]--;
        }
    }

    private static void Line(StringBuilder text, string[] cells, int[] widths, Func<int, string?> colourOf)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = DisplayWidth.Truncate(cells[i], widths[i]);
            var padded = i == cells.Length - 1 ? cell : DisplayWidth.PadRight(cell, widths[i]);
            line.Append(colourOf(i) is { } code ? $"\u001b[{code}m{cell}\u001b[0m{padded[cell.Length..]}" : padded);
            if (i < cells.Length - 1)
            {
                line.Append(Gap);
            }
        }

        text.Append(line.ToString().TrimEnd()).Append('\n');
    }

    /// <summary>Control characters from the server never reach the terminal: a hostile name cannot move the cursor or recolour the screen.</summary>
    private static string Clean(string value) =>
        value.Any(char.IsControl) ? new string(value.Select(c => char.IsControl(c) ? '?' : c).ToArray()) : value;
}
