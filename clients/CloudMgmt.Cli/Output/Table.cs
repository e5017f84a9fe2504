using System.Text;

namespace CloudMgmt.Cli.Output;

/// <summary>A column of a table: its header, how to read a cell, and how to colour it on a terminal.</summary>
internal sealed record Column<T>(string Header, Func<T, string> Cell, Func<string, string?>? Colour = null);

/// <summary>
/// Plain, kubectl-style tables: upper-case headers, columns three spaces apart, no borders (so grep and awk
/// work). When the rows are wider than the terminal, the widest columns are cut (ending in "…") until they fit.
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
            Fit(widths, columns.Select(c => c.Header.Length).ToArray(), limit);
        }

        var text = new StringBuilder();
        Line(text, columns.Select(c => c.Header).ToArray(), widths, _ => null);
        foreach (var row in cells)
        {
            Line(text, row, widths, i => colour ? columns[i].Colour?.Invoke(row[i]) : null);
        }

        return text.ToString();
    }

    /// <summary>Shrinks the widest column one step at a time until the line fits, never below a header or <see cref="MinColumn"/>.</summary>
    private static void Fit(int[] widths, int[] headers, int limit)
    {
        while (widths.Sum() + (Gap.Length * (widths.Length - 1)) > limit)
        {
            var widest = Array.IndexOf(widths, widths.Max());
            if (widths[widest] <= Math.Max(MinColumn, headers[widest]))
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
