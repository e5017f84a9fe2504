namespace CloudMgmt.Cli.Output;

/// <summary>-o table|json|yaml|csv.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Yaml,
    Csv,
}
