using CloudMgmt.Adapters.Kubernetes.Grants;
using CloudMgmt.Domain.Resources;
using k8s.Models;

namespace CloudMgmt.Adapters.Kubernetes.Tests.Adapter;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("1500m", "1.5")]
    [InlineData("64Gi", "68719476736")]
    [InlineData("1e3", "1000")]
    [InlineData("2k", "2000")]
    [InlineData("0.5", "0.5")]
    [InlineData("250Mi", "262144000")]
    [InlineData("65843072Ki", "67423305728")]
    [InlineData("12345678n", "0.012345678")]
    public void Parse_KubernetesQuantity_IsExact(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Quantities.Parse(text));

    [Fact]
    public void ToHard_EveryResource_UsesTheQuotaKeysAndUnits()
    {
        var hard = new QuotaResources("nvidia.com/gpu", setLimits: false).ToHard(ResourceVector.Of(16, 64, 500, 2)).Unwrap();

        Assert.Equal(new Dictionary<string, string>
        {
            ["requests.cpu"] = "16", ["requests.memory"] = "64Gi", ["requests.storage"] = "500Gi", ["requests.nvidia.com/gpu"] = "2",
        }, hard);
    }

    [Fact]
    public void ToHard_SetLimitsAndAnotherGpuResource_AddsCpuAndMemoryLimitsOnly()
    {
        var hard = new QuotaResources("huawei.com/Ascend910", setLimits: true).ToHard(ResourceVector.Of(8, 32, 0, 1)).Unwrap();

        Assert.Equal("8", hard["limits.cpu"]);
        Assert.Equal("32Gi", hard["limits.memory"]);
        Assert.Equal("1", hard["requests.huawei.com/Ascend910"]);
        Assert.DoesNotContain(hard.Keys, k => k.StartsWith("limits.huawei", StringComparison.Ordinal)); // quotas take extended resources as requests only
    }

    [Fact]
    public void FromQuota_WhatToHardWrote_ReadsBackTheSameVector()
    {
        var resources = new QuotaResources("nvidia.com/gpu", setLimits: true);
        var vector = ResourceVector.Of(12, 48, 100, 1);
        var hard = resources.ToHard(vector).Unwrap().ToDictionary(h => h.Key, h => new ResourceQuantity(h.Value));

        Assert.Equal(vector, QuotaResources.Round(resources.FromQuota(hard), Quantities.Down));
    }

    [Fact]
    public void FromQuota_FractionsAndOtherUnits_AreExactBeforeRounding()
    {
        var amounts = new QuotaResources("nvidia.com/gpu", false).FromQuota(new Dictionary<string, ResourceQuantity>
        {
            ["requests.cpu"] = new("1500m"), ["requests.memory"] = new("1536Mi"),
        });

        Assert.Equal(1.5m, amounts[ResourceNames.Vcpu]);
        Assert.Equal(1.5m, amounts[ResourceNames.MemoryGiB]);
        Assert.Equal(ResourceVector.Of(1, 1), QuotaResources.Round(amounts, Quantities.Down));
        Assert.Equal(ResourceVector.Of(2, 2), QuotaResources.Round(amounts, Quantities.Up));
    }

    [Fact]
    public void ToHard_ResourceWithoutAQuotaKey_IsInvalid()
    {
        var result = new QuotaResources("nvidia.com/gpu", false).ToHard(ResourceVector.Of(("bandwidthMbps", 100)));
        Assert.Equal(AdapterErrorKind.Invalid, result.Error?.Kind);
    }

    [Theory]
    [InlineData("health-commission")]
    [InlineData("Health_Commission.2026")]
    [InlineData("卫健委")]
    [InlineData("a-very-long-tenant-identifier-that-goes-on-and-on-well-beyond-what-a-namespace-can-hold")]
    public void Namespace_AnyTenantId_IsADns1123LabelAndDistinct(string tenantId)
    {
        var name = KubeNames.Namespace("cm", tenantId);

        Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", name);
        Assert.True(name.Length <= 63, name);
        Assert.NotEqual(name, KubeNames.Namespace("cm", tenantId + "x"));
    }
}
