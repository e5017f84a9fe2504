namespace CloudMgmt.Bench.Load;

/// <summary>
/// This process' read and write system calls so far (Linux /proc/self/io: syscr, syscw), so that a
/// round can report the storage's calls per admission. In the grains mode nothing else in the
/// process reads or writes files, and unlike a rate this count hardly moves with the host's load.
/// </summary>
internal readonly record struct FileIo(long Reads, long Writes)
{
    public static FileIo Now()
    {
        const string path = "/proc/self/io";
        if (!File.Exists(path))
        {
            return default;
        }

        var fields = File.ReadLines(path).Select(l => l.Split(':', 2)).ToDictionary(p => p[0], p => long.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture));
        return new FileIo(fields["syscr"], fields["syscw"]);
    }

    public static FileIo operator -(FileIo after, FileIo before) => new(after.Reads - before.Reads, after.Writes - before.Writes);
}
