using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace CloudMgmt.Host.Hosting.Settings;

/// <summary>The settings part of <c>--help</c>, generated from <see cref="SettingsCatalog"/>: each setting with its default and range.</summary>
internal static class SettingsHelp
{
    /// <summary>Defaults that are worked out at start rather than written in the class.</summary>
    private static readonly Dictionary<string, string> WorkedOut = new(StringComparer.Ordinal)
    {
        ["Credentials:Directory"] = "<data-dir>/credentials",
        ["Placement:PolicyFile"] = "the shipped policies/placement/default.yaml",
        ["Elastic:PolicyFile"] = "the shipped policies/elastic/default.yaml",
        ["Metering:CatalogueFile"] = "the shipped catalogue",
    };

    public static string Text()
    {
        var text = new StringBuilder();
        foreach (var (section, type) in SettingsCatalog.Entries)
        {
            var defaults = Activator.CreateInstance(type)!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetSetMethod() is not null))
            {
                var name = $"--{section}:{property.Name}";
                var line = $"  {name,-36} {Describe(property, defaults, $"{section}:{property.Name}")}";
                text.AppendLine(line.TrimEnd());
            }
        }

        return text.ToString().TrimEnd();
    }

    private static string Describe(PropertyInfo property, object defaults, string key)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var parts = new List<string> { Kind(type) };
        parts.Add("default " + (WorkedOut.TryGetValue(key, out var worked) ? worked : Format(property.GetValue(defaults))));
        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            parts.Add($"range {Format(range.Minimum)} to {Format(range.Maximum)}");
        }

        if (property.GetCustomAttribute<RegularExpressionAttribute>() is { ErrorMessage: { } rule })
        {
            parts.Add(rule);
        }

        return string.Join("; ", parts);
    }

    private static string Kind(Type type) =>
        type == typeof(TimeSpan) ? "<d.hh:mm:ss>"
        : type == typeof(bool) ? "<true|false>"
        : type == typeof(int) || type == typeof(long) ? "<integer>"
        : type == typeof(double) ? "<number>"
        : type.IsGenericType ? "<name=value map>"
        : "<text>";

    /// <summary>00:00:07.5000000 as 00:00:07.5.</summary>
    private static string Short(string timeSpan) =>
        timeSpan.IndexOf('.', timeSpan.LastIndexOf(':')) > 0 ? timeSpan.TrimEnd('0') : timeSpan;

    private static string Format(object? value) => value switch
    {
        null => "(none)",
        bool b => b ? "true" : "false",
        TimeSpan t => Short(t.ToString("c", CultureInfo.InvariantCulture)),
        string { Length: 0 } => "(none)",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable and not string => "(none)",
        _ => value.ToString() ?? "",
    };
}
