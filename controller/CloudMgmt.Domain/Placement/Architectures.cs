namespace CloudMgmt.Domain.Placement;

/// <summary>
/// CPU architectures by one name each, whatever a user or a cloud calls them: Linux and OpenStack say
/// <c>aarch64</c> and <c>x86_64</c>, Kubernetes and Go say <c>arm64</c> and <c>amd64</c>. Placement
/// compares canonical names, so a request for <c>arm64</c> finds a cloud labelled <c>aarch64</c>.
/// </summary>
public static class Architectures
{
    /// <summary>Each canonical name with the other names it goes by (compared without regard to case).</summary>
    public static readonly IReadOnlyList<(string Name, string[] Aliases)> Known =
    [
        ("x86_64", ["amd64", "x64", "x86-64"]),
        ("aarch64", ["arm64", "armv8"]),
        ("loongarch64", ["loong64"]),
        ("mips64el", ["mips64le"]),
        ("sw_64", ["sw64"]),
        ("riscv64", []),
        ("ppc64le", []),
        ("s390x", []),
    ];

    private static readonly Dictionary<string, string> ByName = Known
        .SelectMany(k => k.Aliases.Append(k.Name).Select(alias => (alias, k.Name)))
        .ToDictionary(p => p.alias, p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The canonical name of <paramref name="name"/>, or null when it names no known architecture.</summary>
    public static string? Canonical(string? name) => name is not null && ByName.TryGetValue(name.Trim(), out var canonical) ? canonical : null;

    /// <summary>Do two names mean the same architecture? Unknown names match only themselves (ordinal).</summary>
    public static bool Same(string? a, string? b) =>
        a is not null && b is not null && (Canonical(a) is { } ca ? ca == Canonical(b) : string.Equals(a, b, StringComparison.Ordinal));

    /// <summary>For an unknown name, the known one it most likely meant (same first three letters), else null.</summary>
    public static string? Suggest(string name)
    {
        var start = name.Trim().ToLowerInvariant();
        start = start.Length > 3 ? start[..3] : start;
        return start.Length == 0 ? null
            : start is "amd" or "int" or "x86" or "i38" or "i68" ? "x86_64"
            : Known.FirstOrDefault(k => k.Aliases.Append(k.Name).Any(n => n.StartsWith(start, StringComparison.OrdinalIgnoreCase))).Name;
    }

    /// <summary>The known names for a message: "x86_64 (amd64, x64, x86-64), aarch64 (arm64, armv8), ...".</summary>
    public static string Describe() =>
        string.Join(", ", Known.Select(k => k.Aliases.Length == 0 ? k.Name : $"{k.Name} ({string.Join(", ", k.Aliases)})"));
}
