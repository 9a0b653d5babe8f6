using System.Globalization;
using Verify.Theory;

namespace Verify.Figures.Io;

/// <summary>A sample file: coordinate column names and the weighted point set they hold.</summary>
public sealed record SampleFile(string Path, string[] Columns, DiscreteDistribution Distribution, bool HasWeights);

/// <summary>
/// Reads and writes the sample CSV format of the CLI contract: a header row, coordinate columns (any names),
/// an optional column named <c>weight</c>; numbers in invariant culture. Lines starting with '#' before the
/// header are comments (the writer records the seed there). Every error names the file, row and column.
/// </summary>
public static class SampleCsv
{
    public const string WeightColumn = "weight";

    public static SampleFile Read(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException("a sample file name is empty");
        if (!File.Exists(path)) throw new UsageException($"{path}: file not found");
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot read file ({e.Message})");
        }
        int row = 0;
        while (row < lines.Length && (lines[row].StartsWith('#') || lines[row].Trim().Length == 0)) row++;
        if (row == lines.Length) throw new UsageException($"{path}: no header row (the file is empty)");
        string[] header = SplitHeader(lines[row]);
        int headerRow = row + 1;
        int weightCol = Array.FindIndex(header, h => h.Equals(WeightColumn, StringComparison.OrdinalIgnoreCase));
        if (Array.FindLastIndex(header, h => h.Equals(WeightColumn, StringComparison.OrdinalIgnoreCase)) != weightCol)
            throw new UsageException($"{path}, row {headerRow}: more than one '{WeightColumn}' column");
        for (int c = 0; c < header.Length; c++)
        {
            if (header[c].Length == 0) throw new UsageException($"{path}, row {headerRow}, column {c + 1}: empty column name");
            for (int c2 = 0; c2 < c; c2++)
                if (header[c2] == header[c]) throw new UsageException($"{path}, row {headerRow}, column {c + 1}: duplicate column name '{header[c]}'");
        }
        string[] coords = header.Where((_, c) => c != weightCol).ToArray();
        if (coords.Length == 0) throw new UsageException($"{path}: no coordinate columns (only '{WeightColumn}')");
        int d = coords.Length;

        var points = new List<double>();
        var weights = new List<double>();
        for (int r = row + 1; r < lines.Length; r++)
        {
            string line = lines[r];
            if (line.Trim().Length == 0) continue;
            string[] cells = line.Split(',');
            if (cells.Length != header.Length)
                throw new UsageException($"{path}, row {r + 1}: {cells.Length} cells, the header has {header.Length}");
            for (int c = 0; c < cells.Length; c++)
            {
                string cell = cells[c].Trim();
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                    throw new UsageException($"{path}, row {r + 1}, column {c + 1} ('{header[c]}'): '{cell}' is not a number");
                if (double.IsNaN(v) || double.IsInfinity(v))
                    throw new UsageException($"{path}, row {r + 1}, column {c + 1} ('{header[c]}'): '{cell}' is not finite");
                if (c == weightCol)
                {
                    if (v < 0) throw new UsageException($"{path}, row {r + 1}, column {c + 1} ('{header[c]}'): negative weight {cell}");
                    weights.Add(v);
                }
                else points.Add(v);
            }
        }
        if (points.Count == 0) throw new UsageException($"{path}: no data rows after the header");
        if (weightCol >= 0)
        {
            double total = weights.Sum();
            if (!(total > 0)) throw new UsageException($"{path}: the weights sum to zero");
            if (double.IsInfinity(total)) throw new UsageException($"{path}: the weights sum to Infinity (overflow); scale them down");
        }
        var dist = new DiscreteDistribution(points.ToArray(), d, weightCol >= 0 ? weights.ToArray() : null);
        return new SampleFile(path, coords, dist, weightCol >= 0);
    }

    /// <summary>
    /// Q's points with its columns reordered to P's (columns are matched by name); the two files must have the same set
    /// of column names, else a <see cref="UsageException"/> naming both files and their columns.
    /// </summary>
    public static DiscreteDistribution AlignColumns(SampleFile p, SampleFile q)
    {
        if (p.Columns.Length != q.Columns.Length || p.Columns.Except(q.Columns).Any())
            throw new UsageException(
                $"{q.Path}: columns ({string.Join(", ", q.Columns)}) differ from those of {p.Path} ({string.Join(", ", p.Columns)})");
        if (p.Columns.SequenceEqual(q.Columns)) return q.Distribution;
        int d = p.Columns.Length;
        int[] map = p.Columns.Select(c => Array.IndexOf(q.Columns, c)).ToArray();
        ReadOnlySpan<double> src = q.Distribution.Points;
        var pts = new double[src.Length];
        for (int i = 0; i < q.Distribution.Count; i++)
            for (int k = 0; k < d; k++) pts[i * d + k] = src[i * d + map[k]];
        return new DiscreteDistribution(pts, d, q.Distribution.Weights.ToArray());
    }

    /// <summary>Writes points (and weights, when given) atomically, with optional '#' comment lines first.</summary>
    public static void Write(string path, IReadOnlyList<string> columns, ReadOnlySpan<double> points, ReadOnlySpan<double> weights = default,
        IEnumerable<string>? comments = null)
    {
        int d = columns.Count;
        double[] p = points.ToArray();
        double[] w = weights.ToArray();
        AtomicFile.Write(path, writer =>
        {
            if (comments is not null) foreach (string c in comments) writer.WriteLine("# " + c);
            writer.WriteLine(string.Join(',', columns) + (w.Length > 0 ? "," + WeightColumn : ""));
            int n = p.Length / d;
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < n; i++)
            {
                sb.Clear();
                for (int k = 0; k < d; k++)
                {
                    if (k > 0) sb.Append(',');
                    sb.Append(p[i * d + k].ToString("R", CultureInfo.InvariantCulture));
                }
                if (w.Length > 0) sb.Append(',').Append(w[i].ToString("R", CultureInfo.InvariantCulture));
                writer.WriteLine(sb);
            }
        });
    }

    private static string[] SplitHeader(string line) =>
        line.Split(',').Select(h => h.Trim().Trim('"').Trim()).ToArray();
}
