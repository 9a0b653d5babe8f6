using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using csFastFloat;

namespace Verify.Figures.Io;

/// <summary>
/// The data rows of a sample CSV, parsed fast and in parallel without holding the file in memory. A first pass reads the
/// data in 1 MiB ranges and counts their line ends; the chunks to parse start at the first line start of each range, and
/// the counts give every chunk's first row number and its place in the one output array. A second pass reads each chunk
/// into a pooled buffer and parses its lines: a fast path reads numbers in place (csFastFloat) separated by the
/// delimiter; a line the fast path does not take (quotes, a bad cell, an odd count of cells) is parsed again cell by cell
/// by <see cref="CsvCells"/>, which either reads it or names the row, the column and the cell. Blank lines are skipped.
/// The first error in file order is reported.
/// </summary>
internal static class CsvRows
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>What the header says about the rows.</summary>
    public sealed record Layout(string Path, string[] Header, int WeightColumn, CsvDelimiter Delimiter);

    /// <summary>The rows: coordinates row-major (n·d), weights (n) when there is a weight column.</summary>
    public sealed record Rows(double[] Points, double[]? Weights, int Count);

    /// <summary>Parses the bytes of <paramref name="source"/> from <paramref name="start"/> on, whose first line is row <paramref name="firstRow"/> (1-based).</summary>
    public static Rows Parse(ByteSource source, long start, int firstRow, Layout layout)
    {
        int columns = layout.Header.Length, d = layout.WeightColumn >= 0 ? columns - 1 : columns;
        long length = source.Length;
        int ranges = (int)((length - start + ChunkBytes - 1) / ChunkBytes);
        // Pass 1: line ends per range, and where each range's first one is.
        var counts = new long[ranges];
        var firstEnd = new long[ranges];
        var lastByte = new byte[Math.Max(1, ranges)];
        Parallel.For(0, ranges, k =>
        {
            long from = start + (long)k * ChunkBytes;
            int size = (int)Math.Min(ChunkBytes, length - from);
            byte[] buffer = ArrayPool<byte>.Shared.Rent(size);
            try
            {
                Span<byte> span = buffer.AsSpan(0, source.Read(from, buffer.AsSpan(0, size)));
                counts[k] = span.Count((byte)'\n');
                int first = span.IndexOf((byte)'\n');
                firstEnd[k] = first < 0 ? -1 : from + first;
                if (span.Length > 0) lastByte[k] = span[^1];
            }
            finally { ArrayPool<byte>.Shared.Return(buffer); }
        });
        // Chunks start at the data and after the first line end of every later range that has one.
        var bounds = new List<long> { start };
        var linesBefore = new List<long> { 0 };
        long ends = 0;
        for (int k = 0; k < ranges; k++)
        {
            if (k > 0 && firstEnd[k] >= 0 && firstEnd[k] + 1 < length)
            {
                bounds.Add(firstEnd[k] + 1);
                linesBefore.Add(ends + 1);
            }
            ends += counts[k];
        }
        bounds.Add(length);
        long lines = ends + (ranges > 0 && lastByte[ranges - 1] != '\n' ? 1 : 0);
        if (lines * d > Array.MaxLength) throw new UsageException($"{layout.Path}: {lines} rows of {d} values do not fit in one array");
        var points = new double[lines * d];
        double[]? weights = layout.WeightColumn >= 0 ? new double[lines] : null;
        int chunks = bounds.Count - 1;
        var parts = new Part[chunks];
        // Pass 2: each chunk read whole into a pooled buffer and parsed into its place.
        Parallel.For(0, chunks, c =>
        {
            long from = bounds[c];
            long size = bounds[c + 1] - from;
            if (size > Array.MaxLength) { parts[c] = new Part(0, $"{layout.Path}: a line longer than {Array.MaxLength} bytes"); return; }
            byte[] buffer = ArrayPool<byte>.Shared.Rent((int)size);
            try
            {
                int n = source.Read(from, buffer.AsSpan(0, (int)size));
                parts[c] = ParseChunk(buffer.AsSpan(0, n), firstRow + (int)linesBefore[c], (int)linesBefore[c], points, weights, layout);
            }
            finally { ArrayPool<byte>.Shared.Return(buffer); }
        });
        foreach (Part p in parts) if (p.Error is not null) throw new UsageException(p.Error);
        return Compact(parts, linesBefore, points, weights, d);
    }

    // A chunk's outcome: how many rows it stored (blank lines are skipped), or its first error.
    private readonly record struct Part(int Count, string? Error);

    // Parses the lines of one chunk into points/weights from row index `at` (the chunk's first line) on.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // JIT-compiled for this CPU, never precompiled (Figures.csproj)
    private static Part ParseChunk(ReadOnlySpan<byte> all, int firstRow, int at, double[] points, double[]? weights, Layout layout)
    {
        int columns = layout.Header.Length, w = layout.WeightColumn, d = w >= 0 ? columns - 1 : columns;
        Span<double> cells = columns <= 256 ? stackalloc double[columns] : new double[columns];
        byte delimiter = CsvCells.Byte(layout.Delimiter);
        bool whitespace = layout.Delimiter == CsvDelimiter.Whitespace;
        int count = 0, row = firstRow - 1, pos = 0;
        while (pos < all.Length)
        {
            row++;
            int start = pos;
            // The fast path reads the line's numbers in place and steps over its line end, without looking for it first.
            if (whitespace || !FastLine(all, ref pos, delimiter, cells) || !Valid(cells, w))
            {
                int nl = all[start..].IndexOf((byte)'\n');
                int end = nl < 0 ? all.Length : start + nl;
                ReadOnlySpan<byte> line = all[start..end];
                pos = end + 1;
                if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
                if (line.IsEmpty || line.TrimStart(" \t"u8).IsEmpty) continue;
                if (!(whitespace && FastWhitespace(line, cells) && Valid(cells, w)))
                {
                    string? error = Slow(line, row, layout, cells);
                    if (error is not null) return new Part(count, error);
                }
            }
            int k = (at + count) * d;
            for (int c = 0; c < columns; c++)
            {
                if (c == w) weights![at + count] = cells[c];
                else points[k++] = cells[c];
            }
            count++;
        }
        return new Part(count, null);
    }

    // One line of numbers separated by one delimiter byte (blanks around them), read from all[pos..] up to and past its
    // line end ("\n", "\r\n" or the end); false on anything else, and the caller reads the line again from its start.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // JIT-compiled for this CPU, never precompiled (Figures.csproj)
    private static bool FastLine(ReadOnlySpan<byte> all, ref int pos, byte delimiter, Span<double> cells)
    {
        int p = pos;
        for (int c = 0; c < cells.Length; c++)
        {
            while (p < all.Length && all[p] == ' ') p++;
            // only a number's first character: csFastFloat would skip blanks itself, tabs and line ends included
            if (p >= all.Length || !IsNumberStart(all[p])) return false;
            if (!FastDoubleParser.TryParseDouble(all[p..], out int used, out cells[c]) || used == 0) return false;
            p += used;
            while (p < all.Length && all[p] == ' ') p++;
            if (c < cells.Length - 1)
            {
                if (p >= all.Length || all[p] != delimiter) return false;
                p++;
            }
        }
        if (p < all.Length && all[p] == '\r') p++;
        if (p < all.Length)
        {
            if (all[p] != '\n') return false;
            p++;
        }
        pos = p;
        return true;
    }

    private static bool IsNumberStart(byte b) => (uint)(b - '0') <= 9 || b is (byte)'-' or (byte)'+' or (byte)'.';

    // Numbers separated by runs of blanks.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // JIT-compiled for this CPU, never precompiled (Figures.csproj)
    private static bool FastWhitespace(ReadOnlySpan<byte> line, Span<double> cells)
    {
        int pos = 0;
        for (int c = 0; c < cells.Length; c++)
        {
            int before = pos;
            while (pos < line.Length && (line[pos] == ' ' || line[pos] == '\t')) pos++;
            if (c > 0 && pos == before) return false;
            if (pos >= line.Length || !IsNumberStart(line[pos])) return false;
            if (!FastDoubleParser.TryParseDouble(line[pos..], out int used, out cells[c]) || used == 0) return false;
            pos += used;
        }
        while (pos < line.Length && (line[pos] == ' ' || line[pos] == '\t')) pos++;
        return pos == line.Length;
    }

    // Finite values and a non-negative weight; anything else goes to the slow path, which words the error.
    private static bool Valid(ReadOnlySpan<double> cells, int weightColumn)
    {
        foreach (double v in cells) if (!double.IsFinite(v)) return false;
        return weightColumn < 0 || cells[weightColumn] >= 0;
    }

    // The line cell by cell: fills `cells` and returns null, or returns the error naming the row, column and cell.
    private static string? Slow(ReadOnlySpan<byte> line, int row, Layout layout, Span<double> cells)
    {
        string text = Encoding.UTF8.GetString(line);
        string[] header = layout.Header;
        string[]? parts = CsvCells.Split(text, layout.Delimiter);
        if (parts is null) return $"{layout.Path}, row {row}: a quote is not closed";
        if (parts.Length != header.Length) return $"{layout.Path}, row {row}: {parts.Length} cells, the header has {header.Length}";
        for (int c = 0; c < parts.Length; c++)
        {
            string where = $"{layout.Path}, row {row}, column {c + 1} ('{header[c]}')";
            if (!CsvCells.TryParse(parts[c], out double v)) return $"{where}: '{parts[c]}' is not a number";
            if (!double.IsFinite(v)) return $"{where}: '{parts[c]}' is not finite";
            if (c == layout.WeightColumn && v < 0) return $"{where}: negative weight {parts[c]}";
            cells[c] = v;
        }
        return null;
    }

    // Closes the gaps that skipped blank lines left at the end of each chunk's range (none in a file without blank lines).
    private static Rows Compact(Part[] parts, List<long> linesBefore, double[] points, double[]? weights, int d)
    {
        int n = 0;
        for (int c = 0; c < parts.Length; c++)
        {
            int at = (int)linesBefore[c];
            if (at != n)
            {
                Array.Copy(points, (long)at * d, points, (long)n * d, (long)parts[c].Count * d);
                if (weights is not null) Array.Copy(weights, at, weights, n, parts[c].Count);
            }
            n += parts[c].Count;
        }
        if (n * (long)d != points.Length)
        {
            Array.Resize(ref points, n * d);
            if (weights is not null) Array.Resize(ref weights, n);
        }
        return new Rows(points, weights, n);
    }
}
