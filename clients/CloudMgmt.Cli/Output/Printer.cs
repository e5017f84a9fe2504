using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CloudMgmt.Cli.Output;

/// <summary>Writes what a command got in the format asked for: a table (or CSV) of chosen columns, or the whole objects as JSON or YAML.</summary>
internal sealed class Printer(Terminal terminal, OutputFormat format)
{
    /// <summary>The API's own field names and shapes; Chinese names stay readable rather than \u-escaped.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public OutputFormat Format => format;

    public void List<T>(IReadOnlyList<T> items, IReadOnlyList<Column<T>> columns)
    {
        switch (format)
        {
            case OutputFormat.Json:
                terminal.Out.Write(JsonSerializer.Serialize(items, Json) + "\n");
                break;
            case OutputFormat.Yaml:
                terminal.Out.Write(Yaml.From(JsonSerializer.SerializeToNode(items, Json)));
                break;
            case OutputFormat.Csv:
                terminal.Out.Write(Csv(columns, items));
                break;
            default:
                if (items.Count == 0)
                {
                    terminal.Error.WriteLine(Texts.NothingFound(terminal));
                    return;
                }

                terminal.Out.Write(Table.Render(columns, items, terminal.Width, terminal.Colour));
                break;
        }
    }

    public void One<T>(T item, IReadOnlyList<Column<T>> columns)
    {
        if (format is OutputFormat.Json or OutputFormat.Yaml)
        {
            Whole(item);
            return;
        }

        List([item], columns);
    }

    /// <summary>The whole object as YAML with -o yaml, else as JSON (for things with no table of their own).</summary>
    public void Whole<T>(T item)
    {
        var node = JsonSerializer.SerializeToNode(item, Json);
        terminal.Out.Write(format == OutputFormat.Yaml ? Yaml.From(node) : node!.ToJsonString(Json) + "\n");
    }

    /// <summary>Plain text the server wrote in the format asked for (the efficiency report's CSV).</summary>
    public void Raw(string text) => terminal.Out.Write(text.EndsWith('\n') ? text : text + "\n");

    public void Note(string message) => terminal.Error.WriteLine(message);

    private static string Csv<T>(IReadOnlyList<Column<T>> columns, IEnumerable<T> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', columns.Select(c => Quote(c.Header.ToLowerInvariant())))).Append('\n');
        foreach (var row in rows)
        {
            text.Append(string.Join(',', columns.Select(c => Quote(c.Cell(row))))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>RFC 4180 quoting; a cell starting with = + - @ is prefixed with ' so a spreadsheet does not run it as a formula.</summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
