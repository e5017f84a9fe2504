using System.Runtime.InteropServices;

namespace CloudMgmt.Adapters;

/// <summary>
/// The two questions about a path that .NET cannot answer on Linux: where it really leads (every
/// symbolic link followed, <c>realpath(3)</c>) and what kind of file it is (<c>statx(2)</c>'s mode,
/// whose layout is the same on every architecture). .NET reports FIFOs and devices as "Normal".
/// </summary>
internal static partial class Posix
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    /// <summary>The canonical absolute path with every link resolved; null when it does not lead to anything.</summary>
    public static string? RealPath(string path)
    {
        var resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            free(resolved);
        }
    }

    /// <summary>Whether the path (links followed) is a regular file: not a FIFO, a device, a socket or a folder.</summary>
    public static bool IsRegularFile(string path)
    {
        var buffer = new byte[256];
        return statx(AtFdCwd, path, 0, StatxType, buffer) == 0 && (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) == RegularFile;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath(string path, IntPtr resolved);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int directory, string path, int flags, uint mask, byte[] buffer);
}
