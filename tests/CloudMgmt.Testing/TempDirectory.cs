namespace CloudMgmt.Testing;

/// <summary>A fresh folder under the system temp folder, deleted (best effort) on dispose.</summary>
public sealed class TempDirectory(string purpose) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), purpose, Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
        catch (UnauthorizedAccessException)
        {
            // likewise
        }
    }
}
