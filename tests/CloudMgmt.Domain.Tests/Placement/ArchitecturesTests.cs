using CloudMgmt.Domain.Placement;

namespace CloudMgmt.Domain.Tests.Placement;

public sealed class ArchitecturesTests
{
    [Theory]
    [InlineData("arm64", "aarch64")]
    [InlineData("ARM64", "aarch64")]
    [InlineData("aarch64", "aarch64")]
    [InlineData(" AArch64 ", "aarch64")]
    [InlineData("amd64", "x86_64")]
    [InlineData("x86-64", "x86_64")]
    [InlineData("X86_64", "x86_64")]
    [InlineData("loong64", "loongarch64")]
    [InlineData("arm", null)]
    [InlineData("sparc", null)]
    [InlineData("", null)]
    public void Canonical_NamesUsersAndCloudsUse_OneNameEach(string name, string? expected) =>
        Assert.Equal(expected, Architectures.Canonical(name));

    [Theory]
    [InlineData("arm64", "aarch64", true)]
    [InlineData("amd64", "x86_64", true)]
    [InlineData("arm64", "x86_64", false)]
    [InlineData("sparc", "sparc", true)]
    [InlineData("sparc", "SPARC", false)]
    [InlineData("arm64", null, false)]
    public void Same_ByCanonicalName(string a, string? b, bool same) => Assert.Equal(same, Architectures.Same(a, b));

    [Theory]
    [InlineData("arm", "aarch64")]
    [InlineData("armhf", "aarch64")]
    [InlineData("intel", "x86_64")]
    [InlineData("x86", "x86_64")]
    [InlineData("loongson", "loongarch64")]
    [InlineData("sparc", null)]
    public void Suggest_UnknownName_TheKnownOneItMostLikelyMeant(string name, string? expected) =>
        Assert.Equal(expected, Architectures.Suggest(name));
}
