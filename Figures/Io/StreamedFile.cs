using System.Text;

namespace Verify.Figures.Io;

/// <summary>
/// A text file written as it goes — a training log — rather than all at once at the end: lines are buffered and reach the
/// file at most <see cref="FlushInterval"/> after they were written (a timer flushes a quiet writer too), and at
/// <see cref="Flush"/> and <see cref="Dispose"/>. A killed run keeps every line up to the last flush.
/// <para>
/// Unlike <see cref="AtomicFile"/>, the file is written in place under its own name (it must be readable while the run
/// goes on): a regular file is created or truncated; a symbolic link's target, a FIFO or a device is written through;
/// <c>-</c> is standard output. Typical use:
/// <code>
/// using var log = StreamedFile.Create(Path.Combine(dir, "log.csv"), stdout);
/// log.WriteLine(IterationRecord.CsvHeader);
/// for (…) { …; log.WriteLine(record.ToCsv()); if (Interruption.IsRequested) break; }
/// </code>
/// </para>
/// </summary>
public sealed class StreamedFile : IDisposable
{
    /// <summary>The default longest time a written line waits before it reaches the file: 2 s.</summary>
    public static readonly TimeSpan DefaultFlushInterval = TimeSpan.FromSeconds(2);

    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private readonly object _lock = new();
    private readonly Timer _timer;
    private bool _dirty;
    private bool _disposed;

    private StreamedFile(string path, TextWriter writer, bool ownsWriter, TimeSpan interval)
    {
        Path = path;
        _writer = writer;
        _ownsWriter = ownsWriter;
        FlushInterval = interval;
        _timer = new Timer(_ => FlushIfDirty(), null, interval, interval);
    }

    /// <summary>The path given (<c>-</c> for standard output).</summary>
    public string Path { get; }

    /// <summary>The longest time a line waits in the buffer.</summary>
    public TimeSpan FlushInterval { get; }

    /// <summary>
    /// Opens <paramref name="path"/> for streaming (its folder is created); <c>-</c> writes to <paramref name="stdout"/>
    /// (the console when null). A target that cannot be written is a <see cref="UsageException"/>.
    /// </summary>
    public static StreamedFile Create(string path, TextWriter? stdout = null, TimeSpan? flushInterval = null)
    {
        TimeSpan interval = flushInterval ?? DefaultFlushInterval;
        if (interval <= TimeSpan.Zero) throw new ArgumentException("the flush interval must be positive", nameof(flushInterval));
        OutputTarget target = OutputTarget.Resolve(path);
        if (target.Mode == OutputMode.StandardOutput)
        {
            if (stdout is not null && !ReferenceEquals(stdout, Console.Out)) return new StreamedFile(path, stdout, false, interval);
            return new StreamedFile(path, new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)), true, interval);
        }
        FileStream stream;
        try
        {
            if (target.Mode == OutputMode.WriteThrough) stream = target.OpenThrough();
            else
            {
                string? dir = System.IO.Path.GetDirectoryName(target.Path);
                if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
                stream = new FileStream(target.Path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot open it for writing ({e.Message})");
        }
        return new StreamedFile(path, new StreamWriter(stream, new UTF8Encoding(false), 1 << 16), true, interval);
    }

    /// <summary>Appends one line; it reaches the file within <see cref="FlushInterval"/>.</summary>
    public void WriteLine(string line)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writer.WriteLine(line);
            _dirty = true;
        }
    }

    /// <summary>Writes every buffered line to the file now.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _writer.Flush();
            _dirty = false;
        }
    }

    private void FlushIfDirty()
    {
        lock (_lock)
        {
            if (_disposed || !_dirty) return;
            try
            {
                _writer.Flush();
                _dirty = false;
            }
            catch (IOException) { } // a full disk or a closed FIFO: the next WriteLine or Dispose reports it
        }
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose()
    {
        _timer.Dispose();
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            _writer.Flush();
            if (_ownsWriter) _writer.Dispose();
        }
    }
}
