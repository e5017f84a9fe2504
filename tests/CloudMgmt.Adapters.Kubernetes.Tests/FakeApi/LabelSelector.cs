namespace CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;

/// <summary>
/// Equality-based label selectors as the API server reads them: <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>,
/// <c>k</c> (exists) and <c>!k</c> (does not exist), comma-separated, all of which must hold.
/// Set-based forms (<c>in</c>, <c>notin</c>) are refused as unsupported, not silently ignored.
/// </summary>
internal sealed class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> _requirements = [];

    private LabelSelector()
    {
    }

    public static LabelSelector? Parse(string? text, out string? error)
    {
        error = null;
        var selector = new LabelSelector();
        foreach (var raw in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw.Contains(" in ", StringComparison.Ordinal) || raw.Contains(" notin ", StringComparison.Ordinal) || raw.Contains('('))
            {
                error = $"unable to parse requirement: set-based selector \"{raw}\" is not supported by this server";
                return null;
            }

            if (raw.Split("!=", 2) is [var nk, var nv])
            {
                selector._requirements.Add(l => l.GetValueOrDefault(nk.Trim()) != nv.Trim());
            }
            else if ((raw.Contains("==", StringComparison.Ordinal) ? raw.Split("==", 2) : raw.Split('=', 2)) is [var ek, var ev])
            {
                selector._requirements.Add(l => l.TryGetValue(ek.Trim(), out var v) && v == ev.Trim());
            }
            else if (raw.StartsWith('!'))
            {
                selector._requirements.Add(l => !l.ContainsKey(raw[1..].Trim()));
            }
            else
            {
                selector._requirements.Add(l => l.ContainsKey(raw));
            }
        }

        return selector;
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r(labels));
}
