using CloudMgmt.Portal.Session;

namespace CloudMgmt.Portal.Tests.Session;

/// <summary>Where a returnUrl may send a browser after sign-in or a language change: this site only.</summary>
public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/allocations?status=Ready", "/allocations?status=Ready")]
    [InlineData("/allocations/alloc-1", "/allocations/alloc-1")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/ok\r\nSet-Cookie: x=1", "/")]
    [InlineData("allocations", "/")]
    public void OrHome_HostileOrForeignUrl_GoesHome(string? url, string expected) => Assert.Equal(expected, LocalUrl.OrHome(url));

    [Fact]
    public void IsLocal_AbsurdlyLong_IsNot() => Assert.False(LocalUrl.IsLocal("/" + new string('a', 5000)));
}
