using CloudMgmt.Host.Hosting;
using Microsoft.Extensions.Configuration;

namespace CloudMgmt.Cluster.Tests.Hosting;

public sealed class ClusterSettingsTests : IDisposable
{
    private readonly DataDirectory _dataDir = new(Path.Combine(Path.GetTempPath(), "cloudmgmt-settings-tests", Guid.NewGuid().ToString("N")));

    public ClusterSettingsTests() => Directory.CreateDirectory(_dataDir.Path);

    public void Dispose() => Directory.Delete(_dataDir.Path, recursive: true);

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void From_NothingConfigured_IsTheEmbeddedDefaultWithoutErrors()
    {
        var config = Config();
        var settings = ClusterSettings.From(config);

        Assert.Equal(ClusterMode.Embedded, settings.Mode);
        Assert.Empty(settings.Validate(config, _dataDir));
    }

    [Fact]
    public void Validate_PostgresWithoutConnectionTokenAndWithBadValues_ReportsEveryError()
    {
        var config = Config(("Cluster:Mode", "postgres"), ("Cluster:AdvertisedIP", "not-an-ip"), ("Cluster:ShutdownTimeout", "-00:00:01"));

        var errors = ClusterSettings.From(config).Validate(config, _dataDir);

        Assert.Contains(errors, e => e.Contains("Cluster:ConnectionString", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Cluster:AdvertisedIP", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Cluster:ShutdownTimeout", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("CLOUDMGMT_ADMIN_TOKEN", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnknownMode_NamesTheKey()
    {
        var config = Config(("Cluster:Mode", "etcd"));
        Assert.Contains(ClusterSettings.From(config).Validate(config, _dataDir), e => e.Contains("Cluster:Mode", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PostgresWithConnectionStringsEntryAndAProvisionedTokenFile_IsValid()
    {
        File.WriteAllText(_dataDir.AdminTokenFile, "the-same-token-on-every-node");
        var config = Config(("Cluster:Mode", "postgres"), ("ConnectionStrings:cloudmgmt", "Host=db;Database=cloudmgmt"));

        var settings = ClusterSettings.From(config);

        Assert.Empty(settings.Validate(config, _dataDir));
        Assert.Equal("Host=db;Database=cloudmgmt", settings.ConnectionString);
    }

    [Theory]
    [InlineData("-00:00:01", "00:00:25", true)]
    [InlineData("00:00:25", "00:00:25", true)] // the drain counts against the shutdown timeout
    [InlineData("00:00:05", "00:00:25", false)]
    public void Validate_DrainDelay_IsNonNegativeAndBelowTheShutdownTimeout(string drain, string shutdown, bool refused)
    {
        File.WriteAllText(_dataDir.AdminTokenFile, "token");
        var config = Config(("Cluster:Mode", "postgres"), ("Cluster:ConnectionString", "Host=db"), ("Cluster:DrainDelay", drain), ("Cluster:ShutdownTimeout", shutdown));

        var errors = ClusterSettings.From(config).Validate(config, _dataDir);

        Assert.Equal(refused, errors.Any(e => e.Contains("Cluster:DrainDelay", StringComparison.Ordinal)));
    }
}
