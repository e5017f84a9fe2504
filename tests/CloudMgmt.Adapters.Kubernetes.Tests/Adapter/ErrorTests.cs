using CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Kubernetes.Tests.Adapter;

public sealed class ErrorTests : IAsyncLifetime
{
    private FakeCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await FakeCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static GrantSpec Spec(string allocation) =>
        new(new GrantRef(allocation, new TenantRef("health", "dept")), ResourceVector.Of(2, 4), null, new Dictionary<string, string>());

    [Fact]
    public async Task ListGrants_429WithRetryAfter_IsThrottledRetryableWithTheServersDelay()
    {
        _cluster.Api.FailNext(429, "TooManyRequests", retryAfter: TimeSpan.FromSeconds(7));

        var result = await _cluster.Adapter().ListGrantsAsync(default);

        Assert.Equal(AdapterErrorKind.Throttled, result.Error?.Kind);
        Assert.True(result.Error!.Retryable);
        Assert.Equal(TimeSpan.FromSeconds(7), result.Error.RetryAfter);
    }

    [Theory]
    [InlineData(403, "Forbidden", AdapterErrorKind.Forbidden, false)]
    [InlineData(401, "Unauthorized", AdapterErrorKind.Unauthorized, false)]
    [InlineData(422, "Invalid", AdapterErrorKind.Invalid, false)]
    [InlineData(500, "InternalError", AdapterErrorKind.Unknown, true)]
    [InlineData(503, "ServiceUnavailable", AdapterErrorKind.Unavailable, true)]
    [InlineData(504, "Timeout", AdapterErrorKind.Timeout, true)]
    public async Task DescribeCapacity_ServerStatus_MapsToKindAndRetryability(int code, string reason, AdapterErrorKind kind, bool retryable)
    {
        _cluster.Api.FailNext(code, reason);

        var result = await _cluster.Adapter().DescribeCapacityAsync(default);

        Assert.Equal(kind, result.Error?.Kind);
        Assert.Equal(retryable, result.Error!.Retryable);
        Assert.Contains(reason, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResizeGrant_Missing_IsNotFoundAndApplyingNothing()
    {
        var result = await _cluster.Adapter().ResizeGrantAsync(Spec("alloc-none"), default);

        Assert.Equal(AdapterErrorKind.NotFound, result.Error?.Kind);
        Assert.DoesNotContain(_cluster.Api.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task Calls_ApiServerTooSlow_AreRetryableTimeouts()
    {
        _cluster.Api.Delay = TimeSpan.FromSeconds(10);

        var result = await _cluster.Adapter(new Dictionary<string, string> { ["timeoutSeconds"] = "0.3" }).CheckHealthAsync(default);

        Assert.Equal(AdapterErrorKind.Timeout, result.Error?.Kind);
        Assert.True(result.Error!.Retryable);
    }

    [Fact]
    public async Task Calls_EndpointOverride_ReachTheEndpointInsteadOfTheKubeconfigServer()
    {
        // The kubeconfig's current context points at a dead port; the cloud's endpoint wins over it.
        var adapter = new KubernetesAdapterFactory(TimeProvider.System, _cluster.Kubeconfig.Credentials).Create(new CloudConnection(
            "sector-k8s", "kubernetes", _cluster.Api.BaseAddress.ToString(), "anhui", _cluster.Kubeconfig.CredentialsRef, new Dictionary<string, string>())
        {
            AllowInsecureEndpoint = true,
        });

        Assert.True((await adapter.CheckHealthAsync(default)).Unwrap().Healthy);
    }

    [Fact]
    public async Task Errors_OfEveryKind_NeverCarryTheToken()
    {
        var token = _cluster.Api.Token;
        var wrongToken = _cluster.Kubeconfig.Write("kubeconfig-wrong",
            (await File.ReadAllTextAsync(_cluster.Kubeconfig.Path)).Replace(token, token + "-revoked", StringComparison.Ordinal));
        var broken = _cluster.Kubeconfig.Write("kubeconfig-broken", $"users:\n- name: tester\n  user:\n    token: {token}\ncontexts: [this is: not valid");
        try
        {
            var closedPort = new Dictionary<string, string> { ["context"] = "elsewhere" };
            var errors = new List<AdapterError?>
            {
                (await _cluster.Adapter(credentialsRef: $"file:{wrongToken}").ApplyGrantAsync(Spec("alloc-401"), default)).Error,
                (await _cluster.Adapter(credentialsRef: $"file:{broken}").ListGrantsAsync(default)).Error,
                (await _cluster.Adapter(closedPort).CheckHealthAsync(default)).Error,
            };
            _cluster.Api.FailNext(403, "Forbidden");
            errors.Add((await _cluster.Adapter().ObserveGrantAsync(Spec("alloc-403").Grant, default)).Error);

            Assert.Equal([AdapterErrorKind.Unauthorized, AdapterErrorKind.Invalid, AdapterErrorKind.Unavailable, AdapterErrorKind.Forbidden],
                errors.Select(e => e!.Kind));
            Assert.All(errors, e => Assert.DoesNotContain(token, e!.ToString(), StringComparison.Ordinal));
            Assert.All(errors, e => Assert.DoesNotContain("fake-token", e!.ToString(), StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(wrongToken);
            File.Delete(broken);
        }
    }
}
