using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Tests.Resources;

public sealed class ResourceNamesTests
{
    [Fact]
    public void IsValid_WellKnownNames_AreValid() =>
        Assert.All(ResourceNames.WellKnown, name => Assert.True(ResourceNames.IsValid(name)));

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("9gpu", false)]
    [InlineData("-gpu", false)]
    [InlineData("gpu:0", false)]
    [InlineData("g", true)]
    [InlineData("nvidia.com/gpu", true)]
    [InlineData("A-b_c.d/e9", true)]
    public void IsValid_Table_FollowsTheRule(string? name, bool valid) =>
        Assert.Equal(valid, ResourceNames.IsValid(name));
}
