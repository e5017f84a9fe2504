namespace CloudMgmt.Cluster.Tests.Cluster;

/// <summary>The tests that run several controller processes take turns: two cores do not run six silos well.</summary>
[CollectionDefinition(Name)]
public sealed class ProcessCollection
{
    public const string Name = "controller processes";
}
