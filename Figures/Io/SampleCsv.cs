using System.Globalization;
using System.Text;
using Verify.Theory;

namespace Verify.Figures.Io;

/// <summary>
/// Reads and writes the sample CSV format of the CLI contract: one header row, then one row per point; coordinate
/// columns (any names), an optional column named <c>weight</c>; numbers in the invariant culture. Python reads it as is
/// (<c>np.loadtxt(f, delimiter=",", skiprows=1)</c>, <c>csv.DictReader</c>, <c>np.genfromtxt(f, delimiter=",", names=True)</c>).
/// <para>
/// The reader also takes what NumPy and other tools write: the header as the last <c>#</c> comment line before the data
/// (<c>np.savetxt(f, a, delimiter=",", header="x,y")</c> writes <c># x,y</c>), other <c>#</c> lines before the header
/// (ignored), quoted cells (RFC 4180), blanks around cells, a UTF-8 byte-order mark, CRLF line ends, and tabs or runs of
/// blanks as the delimiter when the header has no comma (<c>np.savetxt</c>'s default <c>delimiter=" "</c>). Every error
/// names the file, and the row and column where there is one. Reading is parallel and uses csFastFloat (see
/// <see cref="CsvRows"/>).
/// </para>
/// </summary>
public static class SampleCsv
{
    public const string WeightColumn = "weight";

    /// <summary>Reads a sample file: NumPy's .npy/.npz by their content (<see cref="SampleFiles.Read"/>), otherwise CSV.</summary>
    public static SampleFile Read(string path) => SampleFiles.Read(path);

    /// <summary>Parses the bytes of a CSV sample file named <paramref name="path"/>.</summary>
    public static SampleFile Parse(string path, byte[] bytes)
    {
        using ByteSource source = ByteSource.Of(path, bytes);
        return Parse(path, source);
    }

    /// <summary>Parses a CSV sample file read from <paramref name="source"/>.</summary>
    internal static SampleFile Parse(string path, ByteSource source)
    {
        // The lines before the data (comments, blank lines, the header) from the file's head, read in growing pieces.
        byte[] head = [];
        int headLength = 0;
        for (int size = 1 << 16; ; size *= 2)
        {
            head = new byte[(int)Math.Min(source.Length, size)];
            headLength = source.Read(0, head);
            if (headLength == source.Length || FirstContentLineEnds(head.AsSpan(0, headLength))) break;
            if (size > 1 << 26) throw new UsageException($"{path}: no header row in the first {size} bytes");
        }
        ReadOnlySpan<byte> bytes = head.AsSpan(0, headLength);
        int pos = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        int row = 0;
        var comments = new List<(string Text, int Row)>();
        string? first = null;
        int firstStart = 0;
        while (pos < bytes.Length)
        {
            int nl = bytes[pos..].IndexOf((byte)'\n');
            int end = nl < 0 ? bytes.Length : pos + nl;
            string line = Encoding.UTF8.GetString(bytes[pos..end]).TrimEnd('\r');
            int lineStart = pos;
            pos = end + 1;
            row++;
            if (line.Trim().Length == 0) continue;
            if (line.TrimStart().StartsWith('#')) { comments.Add((line.TrimStart()[1..].Trim(), row)); continue; }
            first = line;
            firstStart = lineStart;
            break;
        }
        if (first is null) throw new UsageException($"{path}: no header row (the file is empty)");

        CsvDelimiter delimiter = CsvCells.Detect(first);
        string[] cells = CsvCells.Split(first, delimiter) ?? throw new UsageException($"{path}, row {row}: a quote is not closed");
        string[] header;
        int headerRow, dataStart, dataRow;
        if (cells.All(c => CsvCells.TryParse(c, out _)))
        {
            // The first line is data: the header is a '#' comment (np.savetxt), the last one with as many names as cells.
            (string Text, int Row)? named = comments.LastOrDefault(c => Names(c.Text)?.Length == cells.Length);
            if (comments.Count == 0)
                throw new UsageException($"{path}, row {row}: '{Clip(first)}' holds numbers only, so the file has no header row; " +
                                         "give the columns names, e.g. np.savetxt(f, a, delimiter=\",\", header=\"x,y\", comments=\"\")");
            (string text, headerRow) = named ?? comments[^1];
            delimiter = CsvCells.Detect(text);
            header = CsvCells.Split(text, delimiter) ?? throw new UsageException($"{path}, row {headerRow}: a quote is not closed");
            dataStart = firstStart;
            dataRow = row;
        }
        else
        {
            header = cells;
            headerRow = row;
            dataStart = (int)Math.Min(pos, source.Length);
            dataRow = row + 1;
        }
        int weightCol = CheckHeader(path, header, headerRow);
        string[] coords = header.Where((_, c) => c != weightCol).ToArray();

        var rows = CsvRows.Parse(source, dataStart, dataRow, new CsvRows.Layout(path, header, weightCol, delimiter));
        if (rows.Count == 0) throw new UsageException($"{path}: no data rows after the header");
        if (rows.Weights is { } w)
        {
            double total = 0;
            foreach (double x in w) total += x;
            if (!(total > 0)) throw new UsageException($"{path}: the weights sum to zero");
            if (double.IsInfinity(total)) throw new UsageException($"{path}: the weights sum to Infinity (overflow); scale them down");
        }
        return new SampleFile(path, coords, rows.Points, rows.Weights);
    }

    // True when the head holds a complete line that is neither blank nor a comment (the header, or the first data row).
    private static bool FirstContentLineEnds(ReadOnlySpan<byte> head)
    {
        int pos = 0;
        while (true)
        {
            int nl = head[pos..].IndexOf((byte)'\n');
            if (nl < 0) return false;
            ReadOnlySpan<byte> line = head.Slice(pos, nl).Trim(" \t\r\uFEFF"u8);
            if (line.Length > 0 && line[0] != '#') return true;
            pos += nl + 1;
        }
    }

    private static string[]? Names(string text) => CsvCells.Split(text, CsvCells.Detect(text));

    // Column names: non-empty, distinct, at most one weight column, at least one coordinate. Returns the weight column (or −1).
    private static int CheckHeader(string path, string[] header, int headerRow)
    {
        for (int c = 0; c < header.Length; c++)
        {
            if (header[c].Length == 0)
                throw new UsageException($"{path}, row {headerRow}, column {c + 1}: empty column name" +
                                         (c == 0 ? " (pandas writes its index so: use df.to_csv(f, index=False))" : ""));
            for (int c2 = 0; c2 < c; c2++)
                if (header[c2] == header[c]) throw new UsageException($"{path}, row {headerRow}, column {c + 1}: duplicate column name '{header[c]}'");
        }
        int weightCol = Array.FindIndex(header, h => h.Equals(WeightColumn, StringComparison.OrdinalIgnoreCase));
        if (Array.FindLastIndex(header, h => h.Equals(WeightColumn, StringComparison.OrdinalIgnoreCase)) != weightCol)
            throw new UsageException($"{path}, row {headerRow}: more than one '{WeightColumn}' column");
        if (header.Length == 1 && weightCol == 0) throw new UsageException($"{path}: no coordinate columns (only '{WeightColumn}')");
        return weightCol;
    }

    private static string Clip(string s) => s.Length <= 60 ? s : s[..57] + "...";

    /// <summary>
    /// Where each of P's columns is in Q: by name when both files name their columns (the two must have the same set of
    /// names), by position when either does not (a bare .npy); else a <see cref="UsageException"/> naming both files and
    /// their columns.
    /// </summary>
    public static int[] ColumnMap(SampleFile p, SampleFile q)
    {
        if (!p.NamedColumns || !q.NamedColumns)
        {
            if (p.Columns.Length != q.Columns.Length)
                throw new UsageException($"{q.Path}: {q.Columns.Length} columns, {p.Path} has {p.Columns.Length} (columns are matched by position)");
            return Enumerable.Range(0, p.Columns.Length).ToArray();
        }
        if (p.Columns.Length != q.Columns.Length || p.Columns.Except(q.Columns).Any())
            throw new UsageException(
                $"{q.Path}: columns ({string.Join(", ", q.Columns)}) differ from those of {p.Path} ({string.Join(", ", p.Columns)})");
        return p.Columns.Select(c => Array.IndexOf(q.Columns, c)).ToArray();
    }

    /// <summary>Q's points with its columns reordered to P's (<see cref="ColumnMap"/>), as a law with Q's weights as given.</summary>
    public static DiscreteDistribution AlignColumns(SampleFile p, SampleFile q)
    {
        int[] map = ColumnMap(p, q);
        if (map.Select((m, k) => m == k).All(x => x)) return q.Distribution;
        int d = p.Columns.Length;
        ReadOnlySpan<double> src = q.Points;
        var pts = new double[src.Length];
        for (int i = 0; i < q.Count; i++)
            for (int k = 0; k < d; k++) pts[i * d + k] = src[i * d + map[k]];
        return new DiscreteDistribution(pts, d, q.Distribution.Weights.ToArray());
    }

    /// <summary>
    /// Writes points (and weights, when given) as plain CSV — one header row, then rows, numbers in their shortest
    /// round-trip form — to <paramref name="path"/> by the <c>--out</c> rules (<see cref="AtomicFile"/>). Provenance
    /// goes into the sidecar <c>FILE.csv.json</c> (<see cref="Sidecar"/>), not into the file: <paramref name="comments"/>
    /// are recorded there as "notes".
    /// </summary>
    public static void Write(string path, IReadOnlyList<string> columns, ReadOnlySpan<double> points, ReadOnlySpan<double> weights = default,
        IEnumerable<string>? comments = null)
    {
        OutputTarget target = OutputTarget.Resolve(path);
        Write(target, Console.Out, columns, points, weights);
        var provenance = Provenance.Current() with { Notes = comments?.ToArray() ?? [] };
        Sidecar.Write(target, "csv", columns, points.Length / Math.Max(1, columns.Count), provenance);
    }

    /// <summary>Writes the CSV body to <paramref name="target"/> (<paramref name="stdout"/> for <c>-</c>); no sidecar.</summary>
    public static void Write(OutputTarget target, TextWriter stdout, IReadOnlyList<string> columns, ReadOnlySpan<double> points,
        ReadOnlySpan<double> weights = default)
    {
        int d = columns.Count;
        if (d == 0 || points.Length % d != 0) throw new ArgumentException($"{points.Length} values do not split into rows of {d} columns");
        double[] p = points.ToArray();
        double[] w = weights.ToArray();
        int n = p.Length / d;
        if (w.Length != 0 && w.Length != n) throw new ArgumentException($"{w.Length} weights for {n} rows");
        AtomicFile.Write(target, stdout, writer =>
        {
            writer.Write(string.Join(',', columns.Select(Quote)));
            writer.Write(w.Length > 0 ? "," + WeightColumn + "\n" : "\n");
            var line = new char[(d + 1) * 32];
            for (int i = 0; i < n; i++)
            {
                if ((i & 0xFFFF) == 0) Interruption.ThrowIfRequested();
                int at = 0;
                for (int k = 0; k < d; k++)
                {
                    if (k > 0) line[at++] = ',';
                    at += Format(p[i * d + k], line.AsSpan(at));
                }
                if (w.Length > 0) { line[at++] = ','; at += Format(w[i], line.AsSpan(at)); }
                line[at++] = '\n';
                writer.Write(line, 0, at);
            }
        });
    }

    private static int Format(double x, Span<char> into)
    {
        x.TryFormat(into, out int written, "R", CultureInfo.InvariantCulture);
        return written;
    }

    // A column name is quoted only when it must be (a comma, a quote, blanks at its ends).
    private static string Quote(string name) =>
        name.IndexOfAny([',', '"', '\n', '\r']) >= 0 || name != name.Trim() ? "\"" + name.Replace("\"", "\"\"") + "\"" : name;
}
