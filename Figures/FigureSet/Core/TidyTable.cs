using System.Globalization;
using System.Text;
using Verify.Figures.Io;

namespace Verify.Figures.FigureSet.Core;

/// <summary>
/// A figure's tidy data: one header row, then one observation per row; every cell a text or a number. Numbers are written
/// round-trip in invariant culture, with +∞ as <c>inf</c> and −∞ as <c>-inf</c> (so pandas' <c>read_csv</c> and NumPy read
/// them); NaN is never written (a missing value is a defect). Text cells must not contain commas, quotes or line breaks.
/// Reading checks the header and every number and names the file, row and column of the first problem.
/// </summary>
public sealed class TidyTable
{
    private readonly List<string[]> _rows = [];
    private readonly Dictionary<string, int> _index;

    /// <summary>An empty table with these columns.</summary>
    public TidyTable(string name, params string[] columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0) throw new ArgumentException($"table {name}: no columns");
        Name = name;
        Columns = columns;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < columns.Length; c++)
        {
            CheckText(columns[c], $"table {name}, column name");
            if (!_index.TryAdd(columns[c], c)) throw new ArgumentException($"table {name}: duplicate column '{columns[c]}'");
        }
    }

    /// <summary>The file name without extension (the CSV is <c>Name.csv</c>).</summary>
    public string Name { get; }

    public IReadOnlyList<string> Columns { get; }

    public int Count => _rows.Count;

    /// <summary>Appends a row: strings, doubles, ints and longs, in column order.</summary>
    public void Add(params object[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Columns.Count) throw new ArgumentException($"table {Name}: {cells.Length} cells for {Columns.Count} columns");
        var row = new string[cells.Length];
        for (int c = 0; c < cells.Length; c++) row[c] = Format(cells[c], Columns[c]);
        _rows.Add(row);
    }

    /// <summary>The number in a cell (±∞ allowed).</summary>
    public double Number(int row, string column)
    {
        string cell = Text(row, column);
        return ParseNumber(cell) ?? throw new InvalidDataException($"table {Name}, row {row + 2}, column '{column}': '{cell}' is not a number");
    }

    /// <summary>The text of a cell.</summary>
    public string Text(int row, string column)
    {
        if (!_index.TryGetValue(column, out int c)) throw new ArgumentException($"table {Name} has no column '{column}'");
        return _rows[row][c];
    }

    /// <summary>Row indices whose cells equal the given (column, text) pairs.</summary>
    public IEnumerable<int> Where(params (string Column, string Value)[] match)
    {
        for (int r = 0; r < _rows.Count; r++)
        {
            bool ok = true;
            foreach (var (column, value) in match) ok &= Text(r, column) == value;
            if (ok) yield return r;
        }
    }

    /// <summary>The numbers of one column over the given rows.</summary>
    public double[] Numbers(IEnumerable<int> rows, string column) => rows.Select(r => Number(r, column)).ToArray();

    /// <summary>The distinct texts of a column, in first-seen order.</summary>
    public string[] Distinct(string column) => Enumerable.Range(0, Count).Select(r => Text(r, column)).Distinct().ToArray();

    /// <summary>The CSV text.</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', Columns)).Append('\n');
        foreach (string[] row in _rows) sb.Append(string.Join(',', row)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Writes <c>DIR/Name.csv</c> atomically.</summary>
    public void Write(string directory) => AtomicFile.Write(Path.Combine(directory, Name + ".csv"), w => w.Write(ToCsv()));

    /// <summary>
    /// Reads <c>DIR/Name.csv</c>, which must have exactly <paramref name="columns"/> as its header; a missing file, a wrong
    /// header, a short row or a number column holding text is a <see cref="UsageException"/> naming file, row and column.
    /// </summary>
    public static TidyTable Read(string directory, string name, string[] columns, IReadOnlySet<string> numberColumns)
    {
        string path = Path.Combine(directory, name + ".csv");
        if (!File.Exists(path)) throw new UsageException($"{path}: file not found (a figure folder holds its CSV data; regenerate it with 'verify figures')");
        string[] lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new UsageException($"{path}: empty file, expected the header {string.Join(',', columns)}");
        string[] header = lines[0].Split(',');
        if (!header.SequenceEqual(columns))
            throw new UsageException($"{path}, row 1: header '{lines[0]}', expected '{string.Join(',', columns)}'");
        var table = new TidyTable(name, columns);
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            string[] cells = lines[i].Split(',');
            if (cells.Length != columns.Length) throw new UsageException($"{path}, row {i + 1}: {cells.Length} cells, the header has {columns.Length}");
            for (int c = 0; c < cells.Length; c++)
                if (numberColumns.Contains(columns[c]) && ParseNumber(cells[c]) is null)
                    throw new UsageException($"{path}, row {i + 1}, column {c + 1} ('{columns[c]}'): '{cells[c]}' is not a number");
            table._rows.Add(cells);
        }
        return table;
    }

    /// <summary>A number as the CSV writes it: round-trip, <c>inf</c>, <c>-inf</c>.</summary>
    public static string FormatNumber(double v)
    {
        if (double.IsNaN(v)) throw new ArgumentException("NaN has no place in a figure's data (a missing value is a defect)");
        if (double.IsPositiveInfinity(v)) return "inf";
        if (double.IsNegativeInfinity(v)) return "-inf";
        return v.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Parses a CSV number (<c>inf</c>, <c>-inf</c> accepted); null when the text is not a number.</summary>
    public static double? ParseNumber(string cell)
    {
        if (cell is "inf" or "+inf" or "Infinity") return double.PositiveInfinity;
        if (cell is "-inf" or "-Infinity") return double.NegativeInfinity;
        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && !double.IsNaN(v) ? v : null;
    }

    private string Format(object cell, string column) => cell switch
    {
        double d => Wrap(() => FormatNumber(d), column),
        float f => Wrap(() => FormatNumber(f), column),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        string s => CheckText(s, $"table {Name}, column '{column}'"),
        null => throw new ArgumentException($"table {Name}, column '{column}': null cell"),
        _ => throw new ArgumentException($"table {Name}, column '{column}': cells are text or numbers, got {cell.GetType().Name}"),
    };

    private string Wrap(Func<string> format, string column)
    {
        try { return format(); }
        catch (ArgumentException e) { throw new ArgumentException($"table {Name}, column '{column}': {e.Message}"); }
    }

    private static string CheckText(string s, string where)
    {
        if (s.Length == 0 || s.IndexOfAny([',', '"', '\n', '\r']) >= 0)
            throw new ArgumentException($"{where}: '{s}' is empty or holds a comma, quote or line break");
        return s;
    }
}
