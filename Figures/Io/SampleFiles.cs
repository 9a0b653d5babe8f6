using System.Globalization;

namespace Verify.Figures.Io;

/// <summary>What <see cref="SampleFiles.Write"/> wrote: where, in which format, the sidecar (null when none) and the rows.</summary>
public sealed record WrittenSample(OutputTarget Target, string Format, string? SidecarPath, long Rows);

/// <summary>
/// The front door for sample files, wherever a command takes or writes one (<c>verify distance</c>, <c>verify sample</c>,
/// the critic inputs). Three formats:
/// <list type="bullet">
/// <item>CSV (<see cref="SampleCsv"/>): one header row, coordinate columns, an optional <c>weight</c> column.</item>
/// <item>.npy (<see cref="Npy"/>): one numeric array, shape (n,) for n points on the line or (n, d) for n points in ℝᵈ;
/// uniform weights; its columns have no names, so they are matched by position.</item>
/// <item>.npz (<see cref="Npz"/>): named arrays — <c>points</c> (n,) or (n, d), required unless the archive holds
/// a single array; <c>weights</c> (n,), optional, non-negative; <c>columns</c> (d,) strings, optional, the column names.
/// <c>np.savez(f, points=X, weights=w, columns=np.array(["x", "y"]))</c>.</item>
/// </list>
/// Reading recognises .npy and .npz by their first bytes, whatever the file is called; anything else is read as CSV.
/// Writing chooses by the extension of the name (.npy, .npz, otherwise CSV; <c>-</c> is CSV on standard output).
/// Every error is one line naming the file and what is wrong.
/// </summary>
public static class SampleFiles
{
    /// <summary>The .npz array holding the points.</summary>
    public const string PointsArray = "points";

    /// <summary>The .npz array holding the weights (optional).</summary>
    public const string WeightsArray = "weights";

    /// <summary>The .npz array holding the column names (optional).</summary>
    public const string ColumnsArray = "columns";

    /// <summary>Reads a sample file in any of the three formats.</summary>
    public static SampleFile Read(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException("a sample file name is empty");
        if (Directory.Exists(path)) throw new UsageException($"{path}: is a directory, not a sample file");
        if (!File.Exists(path)) throw new UsageException($"{path}: file not found");
        using ByteSource source = ByteSource.Open(path);
        Span<byte> magic = stackalloc byte[8];
        magic = magic[..source.Read(0, magic)];
        if (Npy.HasMagic(magic) || Npz.HasMagic(magic)) return Parse(path, source.ReadAll());
        return SampleCsv.Parse(path, source);
    }

    /// <summary>Reads two files at once (each parse is itself parallel); P's error is reported first when both fail.</summary>
    public static (SampleFile P, SampleFile Q) ReadPair(string p, string q)
    {
        Task<SampleFile> second = Task.Run(() => Read(q));
        SampleFile first;
        try { first = Read(p); }
        catch
        {
            try { second.Wait(); } catch (AggregateException) { }
            throw;
        }
        try { return (first, second.Result); }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1) { throw e.InnerExceptions[0]; }
    }

    /// <summary>Parses the bytes of a sample file named <paramref name="path"/> (format by content).</summary>
    public static SampleFile Parse(string path, byte[] bytes)
    {
        if (Npy.HasMagic(bytes)) return FromNpy(path, path, bytes, null, null);
        if (Npz.HasMagic(bytes)) return FromNpz(path, bytes);
        return SampleCsv.Parse(path, bytes);
    }

    private static SampleFile FromNpz(string path, byte[] bytes)
    {
        Dictionary<string, byte[]> arrays = Npz.Read(path, bytes);
        string[] others = arrays.Keys.Where(k => k is not (WeightsArray or ColumnsArray)).Order(StringComparer.Ordinal).ToArray();
        string key = arrays.ContainsKey(PointsArray) ? PointsArray
            : others.Length == 1 ? others[0]
            : throw new UsageException($"{path}: no array named '{PointsArray}' " +
                                       (others.Length == 0 ? "(the archive holds no arrays)" : $"among {string.Join(", ", others)}") +
                                       $"; save the sample as np.savez(f, {PointsArray}=X) (optional: {WeightsArray}=w, {ColumnsArray}=names)");
        double[]? weights = null;
        string[]? columns = null;
        if (arrays.TryGetValue(WeightsArray, out byte[]? wBytes))
        {
            string where = $"{path}, array '{WeightsArray}'";
            NpyHeader h = Npy.ReadHeader(where, wBytes);
            if (h.Shape.Length != 1) throw new UsageException($"{where}: shape {h.ShapeText}; the weights are one number per point, shape (n,)");
            weights = Npy.ReadDoubles(where, h, wBytes);
        }
        if (arrays.TryGetValue(ColumnsArray, out byte[]? cBytes))
        {
            string where = $"{path}, array '{ColumnsArray}'";
            NpyHeader h = Npy.ReadHeader(where, cBytes);
            if (h.Shape.Length != 1) throw new UsageException($"{where}: shape {h.ShapeText}; the column names are one string per column, shape (d,)");
            columns = Npy.ReadStrings(where, h, cBytes);
        }
        return FromNpy(path, $"{path}, array '{key}'", arrays[key], weights, columns);
    }

    private static SampleFile FromNpy(string path, string where, byte[] bytes, double[]? weights, string[]? columns)
    {
        NpyHeader h = Npy.ReadHeader(where, bytes);
        if (h.Shape.Length is 0 or > 2)
            throw new UsageException($"{where}: shape {h.ShapeText}; a sample is (n,) for points on a line or (n, d) for n points in d dimensions");
        long n = h.Shape[0], d = h.Shape.Length == 2 ? h.Shape[1] : 1;
        if (n == 0) throw new UsageException($"{where}: shape {h.ShapeText} holds no points");
        if (d == 0) throw new UsageException($"{where}: shape {h.ShapeText} has no columns");
        double[] points = Npy.ReadDoubles(where, h, bytes);
        for (long k = 0; k < points.Length; k++)
            if (!double.IsFinite(points[k]))
                throw new UsageException($"{where}: row {k / d + 1}, column {k % d + 1}: {Show(points[k])} is not finite");
        if (weights is not null)
        {
            string wWhere = $"{path}, array '{WeightsArray}'";
            if (weights.Length != n) throw new UsageException($"{wWhere}: {weights.Length} weights for {n} points");
            double total = 0;
            for (int i = 0; i < weights.Length; i++)
            {
                if (!double.IsFinite(weights[i])) throw new UsageException($"{wWhere}: element {i}: {Show(weights[i])} is not finite");
                if (weights[i] < 0) throw new UsageException($"{wWhere}: element {i}: negative weight {Show(weights[i])}");
                total += weights[i];
            }
            if (!(total > 0)) throw new UsageException($"{path}: the weights sum to zero");
            if (double.IsInfinity(total)) throw new UsageException($"{path}: the weights sum to Infinity (overflow); scale them down");
        }
        bool named = columns is not null;
        if (columns is not null)
        {
            if (columns.Length != d) throw new UsageException($"{path}, array '{ColumnsArray}': {columns.Length} names for {d} columns");
            for (int c = 0; c < columns.Length; c++)
            {
                if (columns[c].Length == 0) throw new UsageException($"{path}, array '{ColumnsArray}': name {c} is empty");
                if (Array.IndexOf(columns, columns[c]) != c) throw new UsageException($"{path}, array '{ColumnsArray}': duplicate name '{columns[c]}'");
            }
        }
        columns ??= Enumerable.Range(0, (int)d).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
        return new SampleFile(path, columns, points, weights) { NamedColumns = named };
    }

    private static string Show(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The format a file of this name is written in: "npy", "npz", or "csv" (also for <c>-</c>).</summary>
    public static string FormatFor(string path)
    {
        string ext = path == "-" ? "" : Path.GetExtension(path).ToLowerInvariant();
        return ext switch { ".npy" => "npy", ".npz" => "npz", _ => "csv" };
    }

    /// <summary>
    /// Writes a sample by the <c>--out</c> rules (<see cref="OutputTarget"/>) in the format of its name, then its
    /// sidecar (<see cref="Sidecar"/>) when the target is a file on disk. .npy holds the points only, shape (n,) when
    /// d = 1, else (n, d); .npz holds <c>points</c>, <c>columns</c> and, when given, <c>weights</c>.
    /// </summary>
    public static WrittenSample Write(string path, TextWriter stdout, IReadOnlyList<string> columns, ReadOnlySpan<double> points,
        ReadOnlySpan<double> weights, Provenance provenance)
    {
        OutputTarget target = OutputTarget.Resolve(path);
        string format = FormatFor(path);
        int d = columns.Count;
        long n = points.Length / Math.Max(1, d);
        long[] shape = d == 1 ? [n] : [n, d];
        switch (format)
        {
            case "npy":
            {
                if (!weights.IsEmpty) throw new UsageException($"--out {path}: a .npy file holds one array, not the weights too; use .npz");
                double[] p = points.ToArray();
                AtomicFile.WriteStream(target, s => Npy.Write(s, p, shape));
                break;
            }
            case "npz":
            {
                double[] p = points.ToArray(), w = weights.ToArray();
                var arrays = new List<(string, Action<Stream>)>
                {
                    (PointsArray, s => Npy.Write(s, p, shape)),
                    (ColumnsArray, s => Npy.WriteStrings(s, columns)),
                };
                if (w.Length > 0) arrays.Add((WeightsArray, s => Npy.Write(s, w, w.Length)));
                AtomicFile.WriteStream(target, s => Npz.Write(s, arrays));
                break;
            }
            default:
                SampleCsv.Write(target, stdout, columns, points, weights);
                break;
        }
        string? sidecar = Sidecar.Write(target, format, columns, n, provenance);
        return new WrittenSample(target, format, sidecar, n);
    }
}
