using System.Text;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Application.Audit;

/// <summary>What a change changed, as an audit detail: "quota {vcpu: 10} → {vcpu: 20}; displayName 'a' → 'b'".</summary>
public sealed class Changes
{
    private readonly StringBuilder _text = new();

    public Changes Field(string name, object? before, object? after)
    {
        var (b, a) = (Show(before), Show(after));
        if (b != a)
        {
            _text.Append(_text.Length > 0 ? "; " : "").Append(name).Append(' ').Append(b).Append(" → ").Append(a);
        }

        return this;
    }

    public override string ToString() => _text.Length > 0 ? _text.ToString() : "no change";

    public static string Show(object? value) => value switch
    {
        null => "none",
        string s => $"'{s}'",
        ResourceVector v => Show(v.ToDictionary()),
        IReadOnlyDictionary<string, long> map => "{" + string.Join(", ", map.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {e.Value}")) + "}",
        _ => value.ToString() ?? "",
    };
}
