using System.Runtime.InteropServices;

namespace Millrace;

/// <summary>
/// Flushes files and directories to stable storage, so that a published artifact survives a power loss as well as a
/// killed process. .NET can flush a file it opened for writing but has no API for a directory, whose entries (the
/// new names a rename makes) need their own <c>fsync</c> on Unix.
/// </summary>
internal static partial class FileSync
{
    /// <summary>Flushes every file under a directory, then each directory bottom-up.</summary>
    /// <remarks>
    /// An empty directory has no entries of its own to persist; the entry that names it is made durable by flushing
    /// its parent after the rename, so it is skipped (no-op components publish empty directories).
    /// </remarks>
    public static void FlushTree(string directory)
    {
        var entries = false;
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            FlushFile(file);
            entries = true;
        }
        foreach (var child in Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories).Reverse())
        {
            FlushDirectory(child);
            entries = true;
        }
        if (entries) FlushDirectory(directory);
    }

    /// <summary>Flushes one file's data and metadata.</summary>
    public static void FlushFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Flushes a directory's entries (Unix only; Windows commits them with the rename).</summary>
    public static void FlushDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        var fd = Open(path, OpenReadOnly | OpenDirectory);
        if (fd < 0) throw new IOException($"Cannot open directory '{path}' to flush it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"Cannot flush directory '{path}' (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private const int OpenReadOnly = 0;
    private static int OpenDirectory => OperatingSystem.IsLinux() ? 0x10000 : 0x100000;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
