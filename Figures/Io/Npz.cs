using System.IO.Compression;

namespace Verify.Figures.Io;

/// <summary>
/// NumPy's .npz format: a zip archive of .npy files, one per named array (<c>np.savez(f, points=X)</c> stores
/// <c>points.npy</c>), stored (<c>np.savez</c>) or deflated (<c>np.savez_compressed</c>). Read with
/// System.IO.Compression; written stored, with fixed entry times so the same arrays give the same bytes.
/// </summary>
public static class Npz
{
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>True when <paramref name="bytes"/> start like a zip archive (a local file header, or an empty archive).</summary>
    public static bool HasMagic(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith("PK\u0005\u0006"u8);

    /// <summary>The arrays of the archive by name (the entry name without ".npy"), each as its raw .npy bytes.</summary>
    public static Dictionary<string, byte[]> Read(string name, byte[] bytes)
    {
        var arrays = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            foreach (ZipArchiveEntry e in zip.Entries)
            {
                if (e.FullName.EndsWith('/')) continue;
                string key = e.FullName.EndsWith(".npy", StringComparison.Ordinal) ? e.FullName[..^4] : e.FullName;
                if (e.Length > Array.MaxLength) throw new UsageException($"{name}: array '{key}' is too large ({e.Length} bytes)");
                var data = new byte[e.Length];
                using (Stream s = e.Open()) s.ReadExactly(data);
                arrays[key] = data;
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or NotSupportedException)
        {
            throw new UsageException($"{name}: not a readable .npz (zip) archive ({Cli.Describe(e)})");
        }
        return arrays;
    }

    /// <summary>Writes the arrays (each filling a stream with its .npy bytes) as stored entries NAME.npy, in the given order.</summary>
    public static void Write(Stream s, IEnumerable<(string Name, Action<Stream> Fill)> arrays)
    {
        using var zip = new ZipArchive(s, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, fill) in arrays)
        {
            ZipArchiveEntry e = zip.CreateEntry(name + ".npy", CompressionLevel.NoCompression);
            e.LastWriteTime = FixedTime;
            using Stream es = e.Open();
            fill(es);
        }
    }
}
