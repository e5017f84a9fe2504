using CloudMgmt.Portal.Allocations;

namespace CloudMgmt.Portal.Tests.Allocations;

/// <summary>The request form: what it sends, and when it is a new request (a new Idempotency-Key).</summary>
public sealed class RequestFormTests
{
    [Fact]
    public void IdempotencyKey_SameForm_StaysTheSameSoADoubleSubmitIsOneRequest()
    {
        var form = new RequestForm();
        form.Amounts["vcpu"] = 4;

        Assert.Equal(form.IdempotencyKey, form.IdempotencyKey);
        Assert.StartsWith("console-", form.IdempotencyKey);
    }

    [Fact]
    public void IdempotencyKey_FormChanged_IsNew()
    {
        var form = new RequestForm();
        var first = form.IdempotencyKey;

        form.Changed();

        Assert.NotEqual(first, form.IdempotencyKey);
    }

    [Fact]
    public void ToRequest_AmountsAndConstraints_OnlyWhatWasGiven()
    {
        var form = new RequestForm { Tenant = " clinic ", Xinchuang = "true", SecurityLevel = "3", Region = " anhui-north , ,anhui-south ", Architecture = "" };
        form.Amounts["vcpu"] = 8;
        form.Amounts["memoryGiB"] = 0;
        form.Amounts["gpu"] = null;

        var request = form.ToRequest();

        Assert.Equal("clinic", request.Tenant);
        Assert.Equal(new Dictionary<string, long> { ["vcpu"] = 8 }, request.Resources);
        Assert.Equal(new Dictionary<string, string> { ["xinchuang"] = "true", ["minSecurityLevel"] = "3", ["region"] = "anhui-north,anhui-south" }, request.Constraints);
        Assert.Null(request.Priority);
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData(0L, null, false)]
    [InlineData(4L, null, true)]
    [InlineData(4L, -1L, false)]
    public void HasAmounts_SomethingPositiveAndNothingNegative(long? vcpu, long? memory, bool expected)
    {
        var form = new RequestForm();
        form.Amounts["vcpu"] = vcpu;
        form.Amounts["memoryGiB"] = memory;

        Assert.Equal(expected, form.HasAmounts);
    }
}
