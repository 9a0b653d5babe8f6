using System.Runtime.CompilerServices;
using System.Text;
using csFastFloat;

namespace Verify.Figures.Io;

/// <summary>
/// The data rows of a sample CSV, parsed fast: the bytes are cut at line ends into chunks parsed in parallel; each line
/// takes a fast path (numbers parsed in place by csFastFloat, separated by the delimiter); a line the fast path does not
/// take (quotes, a bad cell, an odd count of cells) is parsed again cell by cell by <see cref="CsvCells"/>, which either
/// reads it or names the row, the column and the cell. Blank lines are skipped. The first error in file order is reported.
/// </summary>
internal static class CsvRows
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>What the header says about the rows.</summary>
    public sealed record Layout(string Path, string[] Header, int WeightColumn, CsvDelimiter Delimiter);

    /// <summary>The rows: coordinates row-major (n·d), weights (n) when there is a weight column.</summary>
    public sealed record Rows(double[] Points, double[]? Weights, int Count);

    /// <summary>Parses <c>bytes[start..]</c>, whose first line is row <paramref name="firstRow"/> (1-based) of the file.</summary>
    public static Rows Parse(byte[] bytes, int start, int firstRow, Layout layout)
    {
        int columns = layout.Header.Length, d = layout.WeightColumn >= 0 ? columns - 1 : columns;
        int[] bounds = Chunks(bytes, start);
        int chunks = bounds.Length - 1;
        // Lines before each chunk: the row numbers of its lines, and where its values go in the one output array.
        var linesBefore = new long[chunks + 1];
        for (int c = 0; c < chunks; c++)
        {
            ReadOnlySpan<byte> span = bytes.AsSpan(bounds[c], bounds[c + 1] - bounds[c]);
            linesBefore[c + 1] = linesBefore[c] + span.Count((byte)'\n') + (span.Length > 0 && span[^1] != '\n' ? 1 : 0);
        }
        long lines = linesBefore[chunks];
        if (lines * d > Array.MaxLength) throw new UsageException($"{layout.Path}: {lines} rows of {d} values do not fit in one array");
        var points = new double[lines * d];
        double[]? weights = layout.WeightColumn >= 0 ? new double[lines] : null;
        var parts = new Part[chunks];
        if (chunks == 1) parts[0] = ParseChunk(bytes, bounds[0], bounds[1], firstRow, 0, points, weights, layout);
        else
            Parallel.For(0, chunks, c =>
                parts[c] = ParseChunk(bytes, bounds[c], bounds[c + 1], firstRow + (int)linesBefore[c], (int)linesBefore[c], points, weights, layout));
        foreach (Part p in parts) if (p.Error is not null) throw new UsageException(p.Error);
        return Compact(parts, linesBefore, points, weights, d);
    }

    // Chunk boundaries at line starts, about ChunkBytes apart.
    private static int[] Chunks(byte[] bytes, int start)
    {
        var bounds = new List<int> { start };
        int pos = start;
        while (bytes.Length - pos > ChunkBytes + ChunkBytes / 2)
        {
            int nl = bytes.AsSpan(pos + ChunkBytes).IndexOf((byte)'\n');
            if (nl < 0) break;
            pos = pos + ChunkBytes + nl + 1;
            bounds.Add(pos);
        }
        bounds.Add(bytes.Length);
        return bounds.ToArray();
    }

    // A chunk's outcome: how many rows it stored (blank lines are skipped), or its first error.
    private readonly record struct Part(int Count, string? Error);

    // Parses the lines of bytes[from..to] into points/weights starting at row index `at` (the chunk's first line).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // JIT-compiled for this CPU, never precompiled (Figures.csproj)
    private static Part ParseChunk(byte[] bytes, int from, int to, int firstRow, int at, double[] points, double[]? weights, Layout layout)
    {
        int columns = layout.Header.Length, w = layout.WeightColumn, d = w >= 0 ? columns - 1 : columns;
        ReadOnlySpan<byte> all = bytes.AsSpan(from, to - from);
        Span<double> cells = columns <= 256 ? stackalloc double[columns] : new double[columns];
        byte delimiter = CsvCells.Byte(layout.Delimiter);
        bool whitespace = layout.Delimiter == CsvDelimiter.Whitespace;
        int count = 0, row = firstRow - 1, pos = 0;
        while (pos < all.Length)
        {
            int nl = all[pos..].IndexOf((byte)'\n');
            int end = nl < 0 ? all.Length : pos + nl;
            ReadOnlySpan<byte> line = all[pos..end];
            pos = end + 1;
            row++;
            if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
            if (line.IsEmpty || line.TrimStart(" \t"u8).IsEmpty) continue;
            if (!(whitespace ? FastWhitespace(line, cells) : Fast(line, delimiter, cells)) || !Valid(cells, w))
            {
                string? error = Slow(line, row, layout, cells);
                if (error is not null) return new Part(count, error);
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

    // Numbers separated by one delimiter byte, blanks around them; false on anything else.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // JIT-compiled for this CPU, never precompiled (Figures.csproj)
    private static bool Fast(ReadOnlySpan<byte> line, byte delimiter, Span<double> cells)
    {
        int pos = 0;
        for (int c = 0; c < cells.Length; c++)
        {
            while (pos < line.Length && line[pos] == ' ') pos++;
            if (pos >= line.Length || line[pos] == '"') return false;
            if (!FastDoubleParser.TryParseDouble(line[pos..], out int used, out cells[c]) || used == 0) return false;
            pos += used;
            while (pos < line.Length && line[pos] == ' ') pos++;
            if (c < cells.Length - 1)
            {
                if (pos >= line.Length || line[pos] != delimiter) return false;
                pos++;
            }
        }
        return pos == line.Length;
    }

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
            if (pos >= line.Length || line[pos] == '"') return false;
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
    private static Rows Compact(Part[] parts, long[] linesBefore, double[] points, double[]? weights, int d)
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
