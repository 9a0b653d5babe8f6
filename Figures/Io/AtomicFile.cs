using System.Text;

namespace Verify.Figures.Io;

/// <summary>
/// Writes a whole file by the rules of <see cref="OutputTarget"/>: a regular file is written to <c>FILE.tmp-PID</c> beside
/// it and renamed over it when complete, so a reader sees the old file or the new one, never half of one, and an
/// interrupted or failed run leaves neither a half-written file nor the temporary file (deleted by the writer on an
/// exception or cancellation, by <see cref="TempFiles"/> on a hard stop, swept by the next write after a SIGKILL).
/// The replaced file keeps its permission bits. A FIFO or a device is written through; <c>-</c> is standard output.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Writes text to <paramref name="path"/> (<c>-</c>: the process's standard output).</summary>
    public static void Write(string path, Action<TextWriter> write) => Write(OutputTarget.Resolve(path), Console.Out, write);

    /// <summary>Writes bytes to <paramref name="path"/> (<c>-</c>: the process's standard output).</summary>
    public static void WriteBytes(string path, ReadOnlySpan<byte> bytes)
    {
        byte[] copy = bytes.ToArray();
        WriteStream(OutputTarget.Resolve(path), s => s.Write(copy));
    }

    /// <summary>
    /// Writes text to <paramref name="target"/>; standard output is <paramref name="stdout"/> (when that is the console,
    /// through a buffered stream rather than the console's line-flushed writer).
    /// </summary>
    public static void Write(OutputTarget target, TextWriter stdout, Action<TextWriter> write)
    {
        if (target.Mode == OutputMode.StandardOutput)
        {
            if (!ReferenceEquals(stdout, Console.Out))
            {
                write(stdout);
                stdout.Flush();
                return;
            }
            using var console = new StreamWriter(Console.OpenStandardOutput(), Utf8, 1 << 16);
            write(console);
            return;
        }
        WriteStream(target, s =>
        {
            using var w = new StreamWriter(s, Utf8, 1 << 16, leaveOpen: true);
            write(w);
        });
    }

    /// <summary>Writes bytes to <paramref name="target"/> through a stream that <paramref name="write"/> fills.</summary>
    public static void WriteStream(OutputTarget target, Action<Stream> write)
    {
        switch (target.Mode)
        {
            case OutputMode.StandardOutput:
            {
                using Stream s = Console.OpenStandardOutput();
                write(s);
                s.Flush();
                return;
            }
            case OutputMode.WriteThrough:
            {
                using FileStream s = Open(target);
                write(s);
                return;
            }
            default:
                Replace(target.Path, write);
                return;
        }
    }

    private static FileStream Open(OutputTarget target)
    {
        try { return target.OpenThrough(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out {target.Given}: cannot open it for writing ({e.Message})");
        }
    }

    // Fills FILE.tmp-PID and renames it over FILE; the temporary file never outlives a failure or a cancellation.
    private static void Replace(string full, Action<Stream> fill)
    {
        string? dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        TempFiles.SweepStale(full);
        string tmp = TempFiles.NameFor(full);
        TempFiles.Add(tmp);
        try
        {
            using (var s = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                fill(s);
            Interruption.ThrowIfRequested(); // a run stopped while writing does not replace the old file
            if (!OperatingSystem.IsWindows() && File.Exists(full)) File.SetUnixFileMode(tmp, File.GetUnixFileMode(full));
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
            TempFiles.Remove(tmp);
        }
    }
}
