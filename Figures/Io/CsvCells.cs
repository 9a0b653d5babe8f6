using System.Text;
using csFastFloat;

namespace Verify.Figures.Io;

/// <summary>How the cells of a line are separated.</summary>
public enum CsvDelimiter
{
    Comma,
    Tab,

    /// <summary>Runs of spaces or tabs (NumPy's <c>np.savetxt</c> default, <c>delimiter=' '</c>).</summary>
    Whitespace,
}

/// <summary>
/// Cells of one CSV line (RFC 4180 quoting: <c>"a,b"</c>, <c>""</c> for a quote; blanks around a cell ignored) and the
/// number format of a cell: what <c>double.Parse</c> accepts in the invariant culture (an optional sign, digits with
/// an optional point, an optional exponent), parsed correctly rounded by csFastFloat (Lemire's algorithm) — the same
/// double, bit for bit, at several times the speed.
/// </summary>
public static class CsvCells
{
    /// <summary>The delimiter a header line uses: a comma if it has one, else a tab, else blanks between names, else (one column) a comma.</summary>
    public static CsvDelimiter Detect(string header)
    {
        if (header.Contains(',')) return CsvDelimiter.Comma;
        if (header.Contains('\t')) return CsvDelimiter.Tab;
        return header.Trim().Contains(' ') ? CsvDelimiter.Whitespace : CsvDelimiter.Comma;
    }

    /// <summary>The delimiter's byte (a space for <see cref="CsvDelimiter.Whitespace"/>).</summary>
    public static byte Byte(CsvDelimiter d) => d switch { CsvDelimiter.Comma => (byte)',', CsvDelimiter.Tab => (byte)'\t', _ => (byte)' ' };

    /// <summary>
    /// Splits a line into cells, unquoting quoted cells and trimming blanks outside quotes. Returns null when a quote
    /// is not closed.
    /// </summary>
    public static string[]? Split(string line, CsvDelimiter delimiter)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        int i = 0;
        if (delimiter == CsvDelimiter.Whitespace) line = line.Trim(' ', '\t');
        while (true)
        {
            while (i < line.Length && IsBlank(line[i], delimiter)) i++;
            cell.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length) return null;
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    cell.Append(line[i++]);
                }
                while (i < line.Length && IsBlank(line[i], delimiter)) i++;
            }
            else
            {
                while (i < line.Length && !IsDelimiter(line[i], delimiter)) cell.Append(line[i++]);
            }
            cells.Add(delimiter == CsvDelimiter.Whitespace ? cell.ToString() : cell.ToString().Trim(' ', '\t'));
            if (i >= line.Length) return cells.ToArray();
            if (delimiter == CsvDelimiter.Whitespace)
            {
                while (i < line.Length && IsDelimiter(line[i], delimiter)) i++;
                if (i >= line.Length) return cells.ToArray();
            }
            else if (IsDelimiter(line[i], delimiter)) i++;
            else
            {
                // text after a closing quote: keep it in the cell, so the error shows what is there
                int end = i;
                while (end < line.Length && !IsDelimiter(line[end], delimiter)) end++;
                cells[^1] += line[i..end];
                i = end;
                if (i >= line.Length) return cells.ToArray();
                i++;
            }
        }
    }

    /// <summary>
    /// Parses a whole cell (blanks around it allowed) as a number; false when the cell is not one number. A cell
    /// spelling ±Infinity or NaN parses (to that value): the caller reports it as not finite.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> cell, out double value)
    {
        cell = Trim(cell);
        if (cell.Length > 0 && FastDoubleParser.TryParseDouble(cell, out int used, out value) && used == cell.Length && used > 0) return true;
        // csFastFloat reads "inf"/"nan" without consuming them: the spellings of ±∞ and NaN of NumPy and of .NET parse
        // to their value, which the caller refuses as not finite
        value = 0;
        if (cell.Length is 0 or > 10) return false;
        string t = Encoding.UTF8.GetString(cell).ToLowerInvariant();
        double sign = t[0] == '-' ? -1 : 1;
        if (t[0] is '-' or '+') t = t[1..];
        if (t is "inf" or "infinity") { value = sign * double.PositiveInfinity; return true; }
        if (t == "nan") { value = double.NaN; return true; }
        return false;
    }

    /// <summary>Parses a whole cell given as text (see <see cref="TryParse(ReadOnlySpan{byte}, out double)"/>).</summary>
    public static bool TryParse(string cell, out double value) => TryParse(Encoding.UTF8.GetBytes(cell), out value);

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        int a = 0, b = s.Length;
        while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r')) a++;
        while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r')) b--;
        return s[a..b];
    }

    private static bool IsDelimiter(char c, CsvDelimiter d) => d switch
    {
        CsvDelimiter.Comma => c == ',',
        CsvDelimiter.Tab => c == '\t',
        _ => c == ' ' || c == '\t',
    };

    private static bool IsBlank(char c, CsvDelimiter d) => d == CsvDelimiter.Tab ? c == ' ' : c == ' ' || c == '\t';
}
