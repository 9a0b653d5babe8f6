using Microsoft.Win32.SafeHandles;

namespace Verify.Figures.Io;

/// <summary>
/// Random access to the bytes of an input: a regular file is read in place, piece by piece, by any number of threads
/// at once (<see cref="RandomAccess"/>), so no copy of the whole file is ever held in memory (a 25 MB CSV costs two
/// 1 MiB buffers per thread, not a 25 MB array, and files beyond 2 GB read too); anything else (a pipe, a FIFO,
/// <c>/dev/stdin</c>) is read whole first. Errors name the file.
/// </summary>
internal abstract class ByteSource : IDisposable
{
    /// <summary>The name errors use.</summary>
    public abstract string Name { get; }

    /// <summary>Total number of bytes.</summary>
    public abstract long Length { get; }

    /// <summary>Fills <paramref name="into"/> with the bytes from <paramref name="offset"/> on (fewer only at the end).</summary>
    public abstract int Read(long offset, Span<byte> into);

    /// <summary>Every byte, as one array (binary formats); a <see cref="UsageException"/> when it exceeds an array.</summary>
    public byte[] ReadAll()
    {
        if (Length > Array.MaxLength) throw new UsageException($"{Name}: {Length} bytes are too many to hold at once");
        var bytes = new byte[Length];
        int n = Read(0, bytes);
        return n == bytes.Length ? bytes : bytes[..n];
    }

    public virtual void Dispose() { }

    /// <summary>Opens <paramref name="path"/>: in place when it is a regular file, otherwise read whole.</summary>
    public static ByteSource Open(string path)
    {
        try
        {
            if (PathKinds.Of(path, followLinks: true) == PathKind.Regular && !path.StartsWith("/proc/", StringComparison.Ordinal))
                return new FileSource(path, File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
            var m = new MemoryStream();
            s.CopyTo(m);
            return new ArraySource(path, m.ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot read file ({e.Message})");
        }
    }

    /// <summary>Bytes already in memory.</summary>
    public static ByteSource Of(string name, byte[] bytes) => new ArraySource(name, bytes);

    private sealed class FileSource(string name, SafeFileHandle handle) : ByteSource
    {
        private readonly long _length = RandomAccess.GetLength(handle);

        public override string Name => name;

        public override long Length => _length;

        public override int Read(long offset, Span<byte> into)
        {
            int total = 0;
            while (total < into.Length && offset + total < _length)
            {
                int n;
                try { n = RandomAccess.Read(handle, into[total..], offset + total); }
                catch (IOException e) { throw new UsageException($"{name}: cannot read file ({e.Message})"); }
                if (n == 0) break; // the file shrank while being read: what is left is parsed, and its errors say so
                total += n;
            }
            return total;
        }

        public override void Dispose() => handle.Dispose();
    }

    private sealed class ArraySource(string name, byte[] bytes) : ByteSource
    {
        public override string Name => name;

        public override long Length => bytes.Length;

        public override int Read(long offset, Span<byte> into)
        {
            if (offset >= bytes.Length) return 0;
            int n = (int)Math.Min(into.Length, bytes.Length - offset);
            bytes.AsSpan((int)offset, n).CopyTo(into);
            return n;
        }
    }
}
