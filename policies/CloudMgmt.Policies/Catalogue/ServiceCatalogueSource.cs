namespace CloudMgmt.Policies.Catalogue;

/// <summary>
/// The service catalogue in force: an immutable snapshot, read from a file when one is configured
/// (Metering:CatalogueFile), otherwise the shipped default. A catalogue with errors is refused whole, with every error listed.
/// </summary>
public sealed class ServiceCatalogueSource(ServiceCatalogue catalogue)
{
    public ServiceCatalogue Current { get; } = catalogue;

    public static ServiceCatalogueSource FromFileOrDefault(string? path)
    {
        var yaml = string.IsNullOrEmpty(path) ? ReadDefault() : File.ReadAllText(path);
        var (catalogue, errors) = ServiceCatalogueLoader.Load(yaml);
        return catalogue is not null
            ? new ServiceCatalogueSource(catalogue)
            : throw new InvalidOperationException($"the service catalogue {path ?? "(default)"} is invalid:\n  " + string.Join("\n  ", errors));
    }

    /// <summary>The shipped policies/catalogue/default.yaml, embedded in the assembly.</summary>
    public static string ReadDefault()
    {
        using var stream = typeof(ServiceCatalogueSource).Assembly.GetManifestResourceStream("CloudMgmt.Policies.catalogue.default.yaml")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
