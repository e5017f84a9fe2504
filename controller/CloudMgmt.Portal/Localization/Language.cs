namespace CloudMgmt.Portal.Localization;

/// <summary>A language the console speaks: English, or Simplified Chinese as used in the province.</summary>
/// <param name="Code">The BCP 47 tag, as it goes into &lt;html lang&gt; and the language cookie.</param>
/// <param name="Name">The language's own name for itself, as the switch shows it.</param>
public sealed record Language(string Code, string Name)
{
    public static readonly Language English = new("en", "English");
    public static readonly Language Chinese = new("zh-CN", "中文");

    public static readonly IReadOnlyList<Language> All = [English, Chinese];

    /// <summary>The language for a tag the console issued itself (cookie, switch); null for anything else.</summary>
    public static Language? FromCode(string? code) =>
        All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Code;
}
