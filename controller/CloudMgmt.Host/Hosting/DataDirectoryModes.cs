namespace CloudMgmt.Host.Hosting;

/// <summary>
/// The data folder is the controller's alone (Unix): the folder and every folder in it 0700, every
/// file 0600 (state.db and its -wal and -shm, the admin token, the credentials folder's files).
/// Modes are tightened on every start, so files an older version left at 0644 are closed too. The
/// state database is created empty at 0600 before SQLite opens it: SQLite gives its -wal and -shm
/// files the database's mode. Whatever else appears inside later sits behind the folder's 0700.
/// Symbolic links are left alone (not followed): what they lead to is someone else's to guard.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class DataDirectoryModes
{
    public const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Secure(string path, string? stateDatabase)
    {
        Tighten(new DirectoryInfo(path));
        if (stateDatabase is not null && !System.IO.File.Exists(stateDatabase))
        {
            try
            {
                using var empty = new FileStream(stateDatabase, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = File });
            }
            catch (IOException)
            {
                // made meanwhile by another start on the same folder; tightened on the next start
            }
        }
    }

    private static void Tighten(DirectoryInfo folder)
    {
        SetMode(folder, Folder);
        foreach (var entry in folder.EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
            {
                continue;
            }

            if (entry is DirectoryInfo inner)
            {
                Tighten(inner);
            }
            else
            {
                SetMode(entry, File);
            }
        }
    }

    private static void SetMode(FileSystemInfo entry, UnixFileMode mode)
    {
        if ((entry.UnixFileMode & ~mode) == 0)
        {
            return;
        }

        try
        {
            entry.UnixFileMode = entry.UnixFileMode & mode;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // not ours to change (a read-only mount): the folder's own 0700 still keeps others out
        }
    }
}
