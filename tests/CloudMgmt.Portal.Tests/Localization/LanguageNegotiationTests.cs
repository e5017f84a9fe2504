using CloudMgmt.Portal.Localization;

namespace CloudMgmt.Portal.Tests.Localization;

public sealed class LanguageNegotiationTests
{
    [Theory]
    [InlineData(null, "en")]
    [InlineData("", "en")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN")]
    [InlineData("zh-TW", "zh-CN")]
    [InlineData("zh", "zh-CN")]
    [InlineData("en-US,en;q=0.9", "en")]
    [InlineData("fr-FR,zh;q=0.5,en;q=0.4", "zh-CN")]
    [InlineData("en;q=0.2,zh-CN;q=0.8", "zh-CN")]
    [InlineData("de,fr", "en")]
    [InlineData("zh;q=0,en", "en")]
    [InlineData("zh;q=abc,en", "en")]
    public void Pick_NoCookie_FollowsTheBrowsersPreferences(string? acceptLanguage, string expected) =>
        Assert.Equal(expected, LanguageNegotiation.Pick(null, acceptLanguage).Code);

    [Theory]
    [InlineData("zh-CN", "en-US", "zh-CN")]
    [InlineData("en", "zh-CN", "en")]
    [InlineData("xx", "zh-CN", "zh-CN")]
    [InlineData("<script>", null, "en")]
    public void Pick_WithCookie_TheUsersChoiceWinsWhenItIsOneOfOurs(string cookie, string? acceptLanguage, string expected) =>
        Assert.Equal(expected, LanguageNegotiation.Pick(cookie, acceptLanguage).Code);

    [Fact]
    public void Pick_AbsurdlyLongHeader_IsIgnored() =>
        Assert.Equal("en", LanguageNegotiation.Pick(null, string.Join(',', Enumerable.Repeat("xx;q=0.1", 200)) + ",zh").Code);
}
