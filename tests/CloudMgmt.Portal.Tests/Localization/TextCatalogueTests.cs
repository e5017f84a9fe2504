using System.Text.RegularExpressions;
using CloudMgmt.Portal.Localization;

namespace CloudMgmt.Portal.Tests.Localization;

/// <summary>Both catalogues say the same things: every key in both, nothing empty, the same placeholders, and every key the console's sources use present.</summary>
public sealed partial class TextCatalogueTests
{
    private static readonly Texts English = Texts.For(Language.English);
    private static readonly Texts Chinese = Texts.For(Language.Chinese);

    [Fact]
    public void Catalogues_SameKeys_InBothLanguages()
    {
        var onlyEnglish = English.Keys.Except(Chinese.Keys).Where(k => !k.StartsWith("mud.", StringComparison.Ordinal)).ToList();
        var onlyChinese = Chinese.Keys.Except(English.Keys).Where(k => !k.StartsWith("mud.", StringComparison.Ordinal)).ToList();
        Assert.True(onlyEnglish.Count == 0, "missing in zh-CN: " + string.Join(", ", onlyEnglish));
        Assert.True(onlyChinese.Count == 0, "missing in en: " + string.Join(", ", onlyChinese));
    }

    [Fact]
    public void Catalogues_EveryText_NonEmptyWithTheSamePlaceholders()
    {
        foreach (var key in English.Keys.Intersect(Chinese.Keys))
        {
            Assert.False(string.IsNullOrWhiteSpace(English[key]), key);
            Assert.False(string.IsNullOrWhiteSpace(Chinese[key]), key);
            Assert.Equal(Placeholders(English[key]), Placeholders(Chinese[key]));
        }
    }

    [Fact]
    public void Chinese_Texts_AreNotEnglishLeftUntranslated()
    {
        var same = English.Keys.Intersect(Chinese.Keys).Where(k => English[k] == Chinese[k] && Regex.IsMatch(English[k], "[a-z]{4,}")).ToList();
        Assert.True(same.All(AllowedSame.Contains), "untranslated: " + string.Join(", ", same.Except(AllowedSame)));
    }

    [Fact]
    public void Sources_EveryKeyTheyUse_IsInTheCatalogue()
    {
        var root = Path.Combine(RepositoryRoot(), "controller", "CloudMgmt.Portal");
        var used = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.NotEmpty(used);
        var missing = used.Where(k => English.Find(k) is null).ToList();
        Assert.True(missing.Count == 0, "used but not in the catalogue: " + string.Join(", ", missing));
    }

    /// <summary>Words that read the same in Chinese text (names of things).</summary>
    private static readonly HashSet<string> AllowedSame = new(StringComparer.Ordinal) { "res.gpu", "unit.gib" };

    private static string[] Placeholders(string text) => Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order().ToArray();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CloudMgmt.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("the tests run outside the repository");
    }

    /// <summary>T["key"] or T["key", ...] in a page or component.</summary>
    [GeneratedRegex("""\bT\["([a-zA-Z][a-zA-Z0-9_.\-]*)"[\],]""")]
    private static partial Regex UsedKey();
}
