namespace CloudMgmt.Storage.Sqlite.Tests;

public sealed class SqliteGrainStorageOptionsTests
{
    [Fact]
    public void Validate_MissingPathAndBadBatch_ReportsEveryError()
    {
        var errors = SqliteGrainStorageOptionsValidator.Validate(new SqliteGrainStorageOptions { MaxBatchSize = 0 }, "x");

        Assert.Contains(errors, e => e.Contains("DataSource is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("MaxBatchSize", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("GrainStorageSerializer", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_InMemoryDatabase_IsRefusedAsNotDurable()
    {
        var errors = SqliteGrainStorageOptionsValidator.Validate(new SqliteGrainStorageOptions { DataSource = ":memory:" }, "x");
        Assert.Contains(errors, e => e.Contains("not durable", StringComparison.Ordinal));
    }
}
