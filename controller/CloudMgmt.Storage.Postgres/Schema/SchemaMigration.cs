using System.Reflection;

namespace CloudMgmt.Storage.Postgres.Schema;

/// <summary>One step of the schema: a version number and the embedded script that makes it.</summary>
public sealed record SchemaMigration(int Version, string Name)
{
    /// <summary>
    /// Every step, in order. A released step is never edited: a change to the schema or to a query
    /// text is a new step (query texts are upserted, so a later step may simply restate one).
    /// </summary>
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new(1, "orleans-query"),
        new(2, "orleans-clustering"),
        new(3, "orleans-persistence"),
        new(4, "orleans-reminders"),
        new(5, "cloudmgmt-ledger"),
        new(6, "cloudmgmt-audit"),
        new(7, "cloudmgmt-usage"),
        new(8, "cloudmgmt-ledger-key-order"),
    ];

    public static int Latest => All[^1].Version;

    public string ResourceName => $"sql/{Version:D4}-{Name}.sql";

    public string ReadScript()
    {
        using var stream = typeof(SchemaMigration).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded migration '{ResourceName}' is missing from {Assembly.GetExecutingAssembly().GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
