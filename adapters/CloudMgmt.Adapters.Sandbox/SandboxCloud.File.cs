using System.Text.Json;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Sandbox;

/// <summary>
/// Optionally, the sandbox keeps its objects in a file, so that it outlives the controller process
/// as a real cloud would (a test can kill the controller mid-operation and see what the cloud kept),
/// and so that several controller processes (the silos of a cluster, each with its own adapter) share
/// one cloud, as they share a real one: every call reads the file first and writes it back after a
/// change, under an exclusive lock on a file beside it, which the system lets go if a process dies.
/// </summary>
public sealed partial class SandboxCloud
{
    /// <summary>How long a call waits for another process's call on the same file: far longer than one takes.</summary>
    private static readonly TimeSpan FileLockTimeout = TimeSpan.FromSeconds(30);

    private string? _stateFile;

    private sealed record StoredObject(
        string ExternalId, string AllocationId, string TenantId, string Zone, Dictionary<string, long> Granted, UsageProfile Profile,
        DateTimeOffset CreatedAt, Dictionary<string, string> Marks);

    /// <summary>Keeps the objects in <paramref name="path"/> from now on, starting from what is there.</summary>
    public void KeepStateIn(string path)
    {
        lock (_gate)
        {
            _stateFile = path;
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> under the lock; with a state file, also under the file's lock, on
    /// the objects as the file has them, which are written back after it when <paramref name="writes"/>.
    /// </summary>
    private T Locked<T>(bool writes, Func<T> body)
    {
        lock (_gate)
        {
            if (_stateFile is null)
            {
                return body();
            }

            // The lock file also keeps the last id given out, so that no process gives out an id again.
            using var fileLock = LockFile(_stateFile + ".lock");
            Load(_stateFile);
            var given = _nextId = Math.Max(_nextId, ReadCounter(fileLock));
            var result = body();
            if (writes)
            {
                Persist(_stateFile);
            }

            if (_nextId != given)
            {
                WriteCounter(fileLock, _nextId);
            }

            return result;
        }
    }

    /// <summary>
    /// An exclusive lock between processes: FileShare.None is an flock(2) on Unix and a share mode on
    /// Windows; the system releases it when the holder's process ends, however it ends. It has no
    /// blocking form, so a caller that finds it taken tries again a millisecond later.
    /// </summary>
    private static FileStream LockFile(string path)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < FileLockTimeout)
            {
                Thread.Sleep(1); // another process's call holds it for a moment
            }
        }
    }

    private static int ReadCounter(FileStream file)
    {
        file.Position = 0;
        using var reader = new StreamReader(file, leaveOpen: true);
        return int.TryParse(reader.ReadToEnd(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    private static void WriteCounter(FileStream file, int value)
    {
        file.SetLength(0);
        using var writer = new StreamWriter(file, leaveOpen: true);
        writer.Write(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Replaces the objects in memory by the file's (called under both locks).</summary>
    private void Load(string path)
    {
        _objects.Clear();
        _byAllocation.Clear();
        _grantedByZone.Clear();
        if (!File.Exists(path))
        {
            return;
        }

        foreach (var o in JsonSerializer.Deserialize<List<StoredObject>>(File.ReadAllText(path)) ?? [])
        {
            Put(new SandboxObject(o.ExternalId, o.AllocationId, o.TenantId, o.Zone, ResourceVector.From(o.Granted),
                o.Profile, o.CreatedAt, o.Marks));
            _nextId = Math.Max(_nextId, int.TryParse(o.ExternalId.Split('-')[^1], out var n) ? n : 0);
        }
    }

    /// <summary>Writes the objects, whole, by a rename: a reader never sees half a file, even from a process killed mid-write.</summary>
    private void Persist(string path)
    {
        var stored = _objects.Values.Select(o => new StoredObject(o.ExternalId, o.AllocationId, o.TenantId, o.Zone, o.Granted.ToDictionary(),
            o.Profile, o.CreatedAt, new Dictionary<string, string>(o.Marks))).ToList();
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(stored));
        File.Move(temp, path, overwrite: true);
    }
}
