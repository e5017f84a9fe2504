using System.Text.RegularExpressions;

namespace CloudMgmt.Host.Hosting.Settings;

/// <summary>Turns an options validation failure into a line that names the setting (<c>Section:Property</c>) an operator sets.</summary>
internal static partial class SettingNames
{
    public static string Describe(Type optionsType, string failure)
    {
        var section = SettingsCatalog.SectionOf(optionsType);
        var match = DataAnnotationFailure().Match(failure);
        return match.Success
            ? $"{Qualify(section, match.Groups["member"].Value)}: {match.Groups["error"].Value}"
            : failure;
    }

    public static string Qualify(string? section, string member) => string.IsNullOrEmpty(section) ? member : $"{section}:{member}";

    /// <summary>The text <c>ValidateDataAnnotations</c> gives each failed member.</summary>
    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']*' members: '(?<member>[^']*)' with the error: '(?<error>.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();
}
