using System.Text;

namespace CloudMgmt.Adapters;

public sealed partial class CredentialsResolver
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// A file that a credential names in turn (a kubeconfig's <c>client-key</c>, say), under the same
    /// rules as a <c>file:</c> reference: relative to the credentials directory, or absolute inside it;
    /// links followed and checked; a regular file; at most <see cref="MaxBytes"/>. The message of a
    /// refusal names the path, never what the file holds.
    /// </summary>
    public AdapterResult<string> ResolveNamedFile(string path)
    {
        if (path.Length > MaxReferenceLength || path.Any(char.IsControl))
        {
            return Refuse($"is not a file name: at most {MaxReferenceLength} printable characters, in {Directory}");
        }

        return ReadFile(path, path);
    }

    /// <summary>
    /// A file reference: first a decision on the text alone (inside the directory, no "..") that
    /// touches nothing outside; then, inside, the real path (links followed) must stay inside, be a
    /// regular file and not one of the controller's own; then at most <see cref="MaxBytes"/> are read.
    /// </summary>
    private AdapterResult<string> ReadFile(string given, string path)
    {
        var reference = Shown(given);
        var outside = Refuse($"{reference} is outside the credentials directory {Directory}; only files in it can be referenced");
        if (path.Length == 0 || path.Split('/', '\\').Contains(".."))
        {
            return outside;
        }

        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Directory, path));
        if (!IsInside(full, Directory))
        {
            return outside;
        }

        if (!OperatingSystem.IsLinux())
        {
            return Refuse("file: references are resolved on Linux only (links and file types must be checked)");
        }

        var unreadable = Refuse($"{reference} is not a readable regular file in the credentials directory");
        if (Posix.RealPath(Directory) is not { } realDirectory || Posix.RealPath(full) is not { } real)
        {
            return unreadable;
        }

        if (!IsInside(real, realDirectory))
        {
            return Refuse($"{reference} leads outside the credentials directory through a symbolic link; only files in it can be referenced");
        }

        if (_protectedFiles.Any(own => Posix.RealPath(own) is { } ownReal && string.Equals(ownReal, real, StringComparison.Ordinal)))
        {
            return Refuse($"{reference} is one of the controller's own files");
        }

        return Posix.IsRegularFile(real) ? ReadBounded(reference, real, unreadable) : Refuse($"{reference} is not a regular file");
    }

    private AdapterResult<string> ReadBounded(string reference, string real, AdapterError unreadable)
    {
        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        try
        {
            using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            for (int read; length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0;)
            {
                length += read;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return unreadable;
        }

        if (length > MaxBytes)
        {
            return Refuse($"{reference} is larger than {MaxBytes} bytes");
        }

        try
        {
            var text = StrictUtf8.GetString(buffer, 0, length).Trim().TrimStart('\uFEFF');
            return text.Length == 0 ? Refuse($"{reference} is empty") : text;
        }
        catch (DecoderFallbackException)
        {
            return Refuse($"{reference} is not UTF-8 text");
        }
    }

    private static bool IsInside(string path, string directory) =>
        path.StartsWith(directory + Path.DirectorySeparatorChar, StringComparison.Ordinal) && path.Length > directory.Length + 1;
}
