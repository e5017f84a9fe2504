using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Tests.Resources;

public sealed class ResourcePatchTests
{
    private static readonly ResourceVector Current = ResourceVector.From(new Dictionary<string, long> { ["vcpu"] = 2, ["memoryGiB"] = 8 });

    [Theory]
    [InlineData("memoryGiB", 16L, "memoryGiB=16, vcpu=2")]
    [InlineData("gpu", 1L, "gpu=1, memoryGiB=8, vcpu=2")]
    [InlineData("memoryGiB", null, "vcpu=2")]
    [InlineData("gpu", null, "memoryGiB=8, vcpu=2")]
    [InlineData("vcpu", 0L, "memoryGiB=8")]
    public void Apply_OneName_ChangesThatNameAlone(string name, long? amount, string expected)
    {
        var merged = ResourcePatch.Apply(Current, new Dictionary<string, long?> { [name] = amount });

        Assert.Equal(expected, string.Join(", ", merged.Entries.Select(e => $"{e.Key}={e.Value}")));
    }

    [Fact]
    public void Apply_EmptyPatch_KeepsEverything() =>
        Assert.Equal(Current, ResourcePatch.Apply(Current, new Dictionary<string, long?>()));

    [Fact]
    public void Apply_RemovingEveryName_LeavesZero() =>
        Assert.True(ResourcePatch.Apply(Current, new Dictionary<string, long?> { ["vcpu"] = null, ["memoryGiB"] = null }).IsZero);
}
