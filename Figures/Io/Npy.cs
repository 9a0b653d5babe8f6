using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Verify.Figures.Io;

/// <summary>
/// The header of a .npy array: its dtype descriptor (e.g. <c>'&lt;f8'</c>), memory order, shape, and where the data starts.
/// </summary>
public sealed record NpyHeader(string Descr, bool FortranOrder, long[] Shape, int DataOffset)
{
    /// <summary>Number of elements: the product of the shape (1 for a scalar).</summary>
    public long Count => Shape.Aggregate(1L, (a, b) => checked(a * b));

    /// <summary>The shape as NumPy prints it: <c>(1000, 2)</c>, <c>(5,)</c>, <c>()</c>.</summary>
    public string ShapeText => Shape.Length == 1 ? $"({Shape[0]},)" : "(" + string.Join(", ", Shape) + ")";
}

/// <summary>
/// NumPy's .npy format, written from its specification (NEP 1, "A simple file format for NumPy arrays", and the
/// <c>numpy.lib.format</c> documentation): the magic string <c>\x93NUMPY</c>; a major and a minor version byte; the
/// header length, a little-endian uint16 in version 1.0 and uint32 in versions 2.0 and 3.0; the header, a Python dict
/// literal with the keys <c>descr</c>, <c>fortran_order</c> and <c>shape</c> (ASCII/latin-1, UTF-8 in version 3.0),
/// padded with spaces and ended by a newline so that the data starts at a multiple of 64 bytes; then the raw elements.
/// <para>
/// Read: floating point <c>f2 f4 f8</c>, signed and unsigned integers of 1–8 bytes (an integer beyond 2⁵³ in magnitude,
/// which a double cannot hold exactly, is refused), both byte orders, C or Fortran order; fixed-width strings <c>U</c>
/// (UTF-32) and <c>S</c> (bytes) for column names. Refused in one line: object arrays (pickles), structured dtypes, and
/// any other kind. Written: <c>'&lt;f8'</c> in C order, and <c>'&lt;U…'</c> for names, version 1.0.
/// </para>
/// </summary>
public static class Npy
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>True when <paramref name="bytes"/> start with the .npy magic string.</summary>
    public static bool HasMagic(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Magic);

    /// <summary>Parses the preamble and header dict; errors name <paramref name="name"/> and what is wrong.</summary>
    public static NpyHeader ReadHeader(string name, ReadOnlySpan<byte> bytes)
    {
        if (!HasMagic(bytes)) throw new UsageException($"{name}: not a .npy file (it does not start with the magic string \\x93NUMPY)");
        if (bytes.Length < 10) throw new UsageException($"{name}: truncated .npy header");
        int major = bytes[6], minor = bytes[7];
        if (major is < 1 or > 3 || minor != 0) throw new UsageException($"{name}: .npy format version {major}.{minor} is not supported (1.0, 2.0, 3.0 are)");
        int lengthBytes = major == 1 ? 2 : 4;
        if (bytes.Length < 8 + lengthBytes) throw new UsageException($"{name}: truncated .npy header");
        long headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]) : BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);
        long start = 8 + lengthBytes;
        if (start + headerLength > bytes.Length) throw new UsageException($"{name}: the .npy header says {headerLength} bytes, the file ends before");
        ReadOnlySpan<byte> raw = bytes.Slice((int)start, (int)headerLength);
        string text = major == 3 ? Encoding.UTF8.GetString(raw) : Encoding.Latin1.GetString(raw);
        Dictionary<string, object> dict;
        try { dict = new PyLiteral(text).Dict(); }
        catch (FormatException e) { throw new UsageException($"{name}: the .npy header is not a dict literal ({e.Message})"); }
        if (!dict.TryGetValue("descr", out object? descr)) throw new UsageException($"{name}: the .npy header has no 'descr'");
        if (descr is not string d)
            throw new UsageException($"{name}: a structured dtype (record array) is not supported; save a plain numeric array");
        bool fortran = dict.TryGetValue("fortran_order", out object? f) && f is true;
        if (!dict.TryGetValue("shape", out object? s) || s is not List<object> shapeList || shapeList.Any(x => x is not long))
            throw new UsageException($"{name}: the .npy header has no valid 'shape'");
        long[] shape = shapeList.Cast<long>().ToArray();
        if (shape.Any(x => x < 0)) throw new UsageException($"{name}: negative dimension in shape {string.Join(",", shape)}");
        return new NpyHeader(d, fortran, shape, (int)(start + headerLength));
    }

    /// <summary>
    /// The elements as doubles in C (row-major) order, whatever the stored order; one-line errors for a dtype that is not
    /// numeric, a data size that does not match the shape, or an integer a double cannot hold exactly.
    /// </summary>
    public static double[] ReadDoubles(string name, NpyHeader h, ReadOnlySpan<byte> bytes)
    {
        var (order, kind, size) = ParseDescr(name, h.Descr);
        if (kind is not ('f' or 'i' or 'u'))
            throw new UsageException($"{name}: dtype '{h.Descr}' is not numeric (" + (kind == 'O' ? "an object array, a pickle, is never loaded" : "floats or integers are") + ")");
        if (kind == 'f' && size is not (2 or 4 or 8) || kind != 'f' && size is not (1 or 2 or 4 or 8))
            throw new UsageException($"{name}: dtype '{h.Descr}' is not supported");
        long count = h.Count;
        ReadOnlySpan<byte> data = Data(name, h, bytes, count * size);
        if (count > Array.MaxLength) throw new UsageException($"{name}: {count} elements do not fit in one array");
        var result = new double[count];
        bool swap = order == '>' && BitConverter.IsLittleEndian || order == '<' && !BitConverter.IsLittleEndian;
        if (kind == 'f' && size == 8 && !swap) MemoryMarshal.Cast<byte, double>(data).CopyTo(result);
        else
            for (long k = 0; k < count; k++)
            {
                ReadOnlySpan<byte> e = data.Slice((int)(k * size), size);
                result[k] = Element(name, kind, size, swap, e, k);
            }
        return h.FortranOrder && h.Shape.Length >= 2 ? ToCOrder(result, h.Shape) : result;
    }

    /// <summary>The elements of a 1-D string array (<c>U</c> or <c>S</c> dtype), trailing NULs removed.</summary>
    public static string[] ReadStrings(string name, NpyHeader h, ReadOnlySpan<byte> bytes)
    {
        var (order, kind, size) = ParseDescr(name, h.Descr);
        if (kind is not ('U' or 'S')) throw new UsageException($"{name}: dtype '{h.Descr}' is not a string array");
        int width = kind == 'U' ? 4 * size : size;
        long count = h.Count;
        ReadOnlySpan<byte> data = Data(name, h, bytes, count * width);
        var result = new string[count];
        for (int k = 0; k < count; k++)
        {
            ReadOnlySpan<byte> e = data.Slice(k * width, width);
            if (kind == 'S') result[k] = Encoding.Latin1.GetString(e).TrimEnd('\0');
            else
            {
                var sb = new StringBuilder();
                for (int c = 0; c < size; c++)
                {
                    int cp = order == '>' ? BinaryPrimitives.ReadInt32BigEndian(e[(4 * c)..]) : BinaryPrimitives.ReadInt32LittleEndian(e[(4 * c)..]);
                    if (cp == 0) break;
                    sb.Append(char.ConvertFromUtf32(cp));
                }
                result[k] = sb.ToString();
            }
        }
        return result;
    }

    /// <summary>Writes a '&lt;f8' C-order array of the given shape (the product of <paramref name="shape"/> must be the length).</summary>
    public static void Write(Stream s, ReadOnlySpan<double> data, params long[] shape)
    {
        if (shape.Aggregate(1L, (a, b) => a * b) != data.Length) throw new ArgumentException("the shape does not match the number of values", nameof(shape));
        WriteHeader(s, "<f8", shape);
        if (BitConverter.IsLittleEndian) s.Write(MemoryMarshal.AsBytes(data));
        else
        {
            Span<byte> b = stackalloc byte[8];
            foreach (double x in data) { BinaryPrimitives.WriteDoubleLittleEndian(b, x); s.Write(b); }
        }
    }

    /// <summary>Writes a 1-D '&lt;Uk' array of strings (k the longest length in UTF-32 code points, at least 1).</summary>
    public static void WriteStrings(Stream s, IReadOnlyList<string> values)
    {
        int width = Math.Max(1, values.Select(v => v.EnumerateRunes().Count()).DefaultIfEmpty(1).Max());
        WriteHeader(s, "<U" + width.ToString(CultureInfo.InvariantCulture), [values.Count]);
        Span<byte> cell = new byte[4 * width];
        foreach (string v in values)
        {
            cell.Clear();
            int c = 0;
            foreach (Rune r in v.EnumerateRunes()) BinaryPrimitives.WriteInt32LittleEndian(cell[(4 * c++)..], r.Value);
            s.Write(cell);
        }
    }

    private static void WriteHeader(Stream s, string descr, long[] shape)
    {
        string shapeText = shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shapeText}, }}";
        int total = Magic.Length + 2 + 2 + dict.Length + 1;
        int padded = (total + 63) / 64 * 64;
        string header = dict + new string(' ', padded - total) + "\n";
        s.Write(Magic);
        s.WriteByte(1);
        s.WriteByte(0);
        Span<byte> len = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(len, checked((ushort)header.Length));
        s.Write(len);
        s.Write(Encoding.ASCII.GetBytes(header));
    }

    private static (char Order, char Kind, int Size) ParseDescr(string name, string descr)
    {
        string t = descr.Trim();
        char order = t.Length > 0 && t[0] is '<' or '>' or '|' or '=' ? t[0] : '|';
        if (t.Length > 0 && t[0] is '<' or '>' or '|' or '=') t = t[1..];
        if (order == '=') order = BitConverter.IsLittleEndian ? '<' : '>';
        if (t.Length < 1) throw new UsageException($"{name}: dtype '{descr}' is not understood");
        char kind = t[0];
        if (kind == 'O') return (order, kind, 8);
        if (!int.TryParse(t[1..], NumberStyles.None, CultureInfo.InvariantCulture, out int size) || size < 1)
            throw new UsageException($"{name}: dtype '{descr}' is not supported");
        return (order, kind, size);
    }

    private static ReadOnlySpan<byte> Data(string name, NpyHeader h, ReadOnlySpan<byte> bytes, long needed)
    {
        long have = bytes.Length - h.DataOffset;
        if (have < needed)
            throw new UsageException($"{name}: shape {h.ShapeText} of '{h.Descr}' needs {needed} bytes of data, the file holds {have}");
        return bytes.Slice(h.DataOffset, (int)needed);
    }

    private static double Element(string name, char kind, int size, bool swap, ReadOnlySpan<byte> e, long index)
    {
        Span<byte> b = stackalloc byte[size];
        e.CopyTo(b);
        if (swap) b.Reverse();
        switch (kind)
        {
            case 'f':
                return size switch
                {
                    2 => (double)BinaryPrimitives.ReadHalfLittleEndian(b),
                    4 => BinaryPrimitives.ReadSingleLittleEndian(b),
                    _ => BinaryPrimitives.ReadDoubleLittleEndian(b),
                };
            case 'i':
            {
                long v = size switch
                {
                    1 => (sbyte)b[0],
                    2 => BinaryPrimitives.ReadInt16LittleEndian(b),
                    4 => BinaryPrimitives.ReadInt32LittleEndian(b),
                    _ => BinaryPrimitives.ReadInt64LittleEndian(b),
                };
                if (v > 1L << 53 || v < -(1L << 53))
                    throw new UsageException($"{name}: element {index} = {v} is not exactly representable as a double (|x| > 2^53)");
                return v;
            }
            default:
            {
                ulong v = size switch
                {
                    1 => b[0],
                    2 => BinaryPrimitives.ReadUInt16LittleEndian(b),
                    4 => BinaryPrimitives.ReadUInt32LittleEndian(b),
                    _ => BinaryPrimitives.ReadUInt64LittleEndian(b),
                };
                if (v > 9007199254740992UL)
                    throw new UsageException($"{name}: element {index} = {v} is not exactly representable as a double (> 2^53)");
                return v;
            }
        }
    }

    // Fortran order (first index fastest) to C order (last index fastest).
    private static double[] ToCOrder(double[] f, long[] shape)
    {
        var c = new double[f.Length];
        int dims = shape.Length;
        var index = new long[dims];
        for (long k = 0; k < f.Length; k++)
        {
            long ci = 0;
            for (int a = 0; a < dims; a++) ci = ci * shape[a] + index[a];
            c[ci] = f[k];
            for (int a = 0; a < dims; a++) { if (++index[a] < shape[a]) break; index[a] = 0; }
        }
        return c;
    }
}
