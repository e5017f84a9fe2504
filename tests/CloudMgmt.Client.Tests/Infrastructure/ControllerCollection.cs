namespace CloudMgmt.Client.Tests.Infrastructure;

/// <summary>The client test classes share one controller process; each test makes its own pools and tenants.</summary>
[CollectionDefinition(Name)]
public sealed class ControllerCollection : ICollectionFixture<ControllerFixture>
{
    public const string Name = "controller";
}

/// <summary>Fresh ids, so tests sharing a controller never meet.</summary>
public static class Ids
{
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
