using CloudMgmt.Domain.Resources;
using CloudMgmt.Domain.Tests.Support;

namespace CloudMgmt.Domain.Tests.Resources;

public sealed class ResourceVectorTests
{
    [Theory]
    [InlineData("vcpu=1 gpu=2", "vcpu=3 memoryGiB=4", "gpu=2 memoryGiB=4 vcpu=4")]
    [InlineData("", "vcpu=3", "vcpu=3")]
    [InlineData("", "", "")]
    [InlineData("a=1 c=1", "b=1 d=1", "a=1 b=1 c=1 d=1")]
    public void Add_Vectors_AddsPerName(string a, string b, string expected)
    {
        Assert.Equal(Vec.Parse(expected), Vec.Parse(a) + Vec.Parse(b));
        Assert.Equal(Vec.Parse(expected), Vec.Parse(b) + Vec.Parse(a));
    }

    [Theory]
    [InlineData("vcpu=5 gpu=2", "vcpu=3", "vcpu=2 gpu=2")]
    [InlineData("vcpu=5 gpu=2", "vcpu=5 gpu=2", "")]
    [InlineData("vcpu=5", "", "vcpu=5")]
    public void Subtract_NotBelowZero_SubtractsPerName(string a, string b, string expected) =>
        Assert.Equal(Vec.Parse(expected), Vec.Parse(a) - Vec.Parse(b));

    [Theory]
    [InlineData("vcpu=1", "vcpu=2")]
    [InlineData("", "gpu=1")]
    [InlineData("vcpu=3", "vcpu=1 gpu=1")]
    public void Subtract_BelowZero_Throws(string a, string b) =>
        Assert.Throws<InvalidOperationException>(() => Vec.Parse(a) - Vec.Parse(b));

    [Theory]
    [InlineData("vcpu=1 gpu=4", "vcpu=2 gpu=1", "gpu=3")]
    [InlineData("", "vcpu=2", "")]
    [InlineData("vcpu=2", "", "vcpu=2")]
    public void SaturatingSubtract_Vectors_ClampsAtZero(string a, string b, string expected) =>
        Assert.Equal(Vec.Parse(expected), Vec.Parse(a).SaturatingSubtract(Vec.Parse(b)));

    [Theory]
    [InlineData("vcpu=1 gpu=4", "vcpu=2 memoryGiB=8", "vcpu=1", "gpu=4 memoryGiB=8 vcpu=2")]
    [InlineData("", "vcpu=2", "", "vcpu=2")]
    [InlineData("vcpu=3", "vcpu=3", "vcpu=3", "vcpu=3")]
    public void MinMax_Vectors_TreatMissingAsZero(string a, string b, string min, string max)
    {
        Assert.Equal(Vec.Parse(min), ResourceVector.Min(Vec.Parse(a), Vec.Parse(b)));
        Assert.Equal(Vec.Parse(max), ResourceVector.Max(Vec.Parse(a), Vec.Parse(b)));
    }

    [Fact]
    public void Add_Overflow_Throws() =>
        Assert.Throws<OverflowException>(() => Vec.Cpu(long.MaxValue) + Vec.Cpu(1));

    [Theory]
    [InlineData("", "", true)]
    [InlineData("", "vcpu=1", true)]
    [InlineData("vcpu=1", "", false)]
    [InlineData("vcpu=2", "vcpu=2", true)]
    [InlineData("vcpu=3", "vcpu=2", false)]
    [InlineData("gpu=1", "vcpu=8", false)] // name missing from the limit, sorting before it
    [InlineData("vcpu=1", "gpu=8", false)] // name missing from the limit, sorting after it
    [InlineData("b=1", "a=1 b=1 c=1", true)]
    [InlineData("a=1 c=1", "a=1 b=5 c=1", true)]
    [InlineData("a=1 c=2", "a=1 b=5 c=1", false)]
    [InlineData("a=1 b=1 c=1", "a=1 c=1", false)]
    [InlineData("a=1 d=1", "a=1 b=1 c=1", false)]
    public void FitsWithin_Table_ComparesEveryName(string amount, string limit, bool fits) =>
        Assert.Equal(fits, Vec.Parse(amount).FitsWithin(Vec.Parse(limit)));

    [Fact]
    public void From_ZeroEntries_AreDropped()
    {
        var v = ResourceVector.Of(4, 0, 0, 1);

        Assert.Equal(2, v.Count);
        Assert.Equal(["gpu", "vcpu"], v.Names);
        Assert.True(ResourceVector.Of(0, 0).IsZero);
        Assert.Same(ResourceVector.Zero, ResourceVector.Of(0, 0));
    }

    [Fact]
    public void Arithmetic_ResultZero_DropsNames()
    {
        var v = Vec.CpuMem(2, 4) - Vec.CpuMem(2, 1);

        Assert.Equal(["memoryGiB"], v.Names);
        Assert.True((Vec.Cpu(2) - Vec.Cpu(2)).IsZero);
    }

    [Fact]
    public void Indexer_MissingName_IsZero()
    {
        var v = Vec.CpuMem(4, 16);

        Assert.Equal(4, v[ResourceNames.Vcpu]);
        Assert.Equal(16, v[ResourceNames.MemoryGiB]);
        Assert.Equal(0, v[ResourceNames.Gpu]);
        Assert.Equal(0, ResourceVector.Zero["anything"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1cpu")]
    [InlineData("_cpu")]
    [InlineData("v cpu")]
    [InlineData("gpu!")]
    [InlineData("vcpü")]
    public void From_InvalidName_Throws(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => ResourceVector.Of((name, 1)));
        Assert.Contains("not a valid resource name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_NameTooLong_Throws()
    {
        Assert.Throws<ArgumentException>(() => ResourceVector.Of((new string('a', 64), 1)));
        Assert.Equal(1, ResourceVector.Of((new string('a', 63), 1))[new string('a', 63)]);
    }

    [Theory]
    [InlineData("nvidia.com/gpu")]
    [InlineData("a")]
    [InlineData("ephemeral-storage_GiB.v2")]
    public void From_ValidName_IsKept(string name) =>
        Assert.Equal(7, ResourceVector.Of((name, 7))[name]);

    [Fact]
    public void From_NegativeValue_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ResourceVector.Of((ResourceNames.Vcpu, -1)));

    [Fact]
    public void From_NegativeValueEvenWithZeroElsewhere_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ResourceVector.Of(0, -1));

    [Fact]
    public void From_DuplicateName_Throws() =>
        Assert.Throws<ArgumentException>(() => ResourceVector.Of(("vcpu", 1), ("vcpu", 2)));

    [Fact]
    public void Equals_SameEntriesInAnyOrder_EqualWithSameHash()
    {
        var a = ResourceVector.Of(("vcpu", 2), ("gpu", 1), ("memoryGiB", 0));
        var b = ResourceVector.Of(("gpu", 1), ("vcpu", 2));

        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData("vcpu=2", "vcpu=3")]
    [InlineData("vcpu=2", "gpu=2")]
    [InlineData("vcpu=2", "vcpu=2 gpu=1")]
    [InlineData("", "gpu=1")]
    public void Equals_DifferentEntries_NotEqual(string a, string b)
    {
        Assert.NotEqual(Vec.Parse(a), Vec.Parse(b));
        Assert.False(Vec.Parse(a).Equals(null));
        Assert.False(Vec.Parse(a).Equals((object)a));
    }

    [Fact]
    public void Entries_AreInOrdinalNameOrder()
    {
        var v = ResourceVector.Of(("vcpu", 1), ("Zeta", 2), ("gpu", 3));

        Assert.Equal(["Zeta", "gpu", "vcpu"], v.Entries.Select(e => e.Key));
        Assert.Equal([2L, 3L, 1L], v.Entries.Select(e => e.Value));
        Assert.Equal(new Dictionary<string, long> { ["Zeta"] = 2, ["gpu"] = 3, ["vcpu"] = 1 }, v.ToDictionary());
    }

    [Fact]
    public void UnionNames_BothVectors_SortedWithoutDuplicates() =>
        Assert.Equal(["a", "b", "c"], ResourceVector.UnionNames(Vec.Parse("c=1 a=1"), Vec.Parse("b=1 c=2")));

    [Fact]
    public void ToString_Entries_ListedInOrder()
    {
        Assert.Equal("{ memoryGiB=16, vcpu=4 }", Vec.CpuMem(4, 16).ToString());
        Assert.Equal("{ }", ResourceVector.Zero.ToString());
    }
}
