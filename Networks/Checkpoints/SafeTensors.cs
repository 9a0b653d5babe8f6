using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace Verify.Networks.Checkpoints;

/// <summary>
/// Reader and writer of the safetensors format (Hugging Face): an 8-byte little-endian unsigned header length N,
/// N bytes of UTF-8 JSON <c>{name: {"dtype": "F32", "shape": […], "data_offsets": [begin, end]}, "__metadata__": {…}}</c>,
/// then the raw little-endian tensor bytes; offsets are relative to the start of that data buffer.
/// The writer is atomic (temporary file, then rename). The reader validates everything before it trusts the file —
/// offsets inside the buffer, dtype known, (end − begin) = Πshape × size, no overlaps and no unindexed bytes — and
/// refuses a bad file with an <see cref="InvalidDataException"/> naming the tensor.
/// </summary>
public static class SafeTensors
{
    /// <summary>The reserved header key of the string → string metadata map.</summary>
    public const string MetadataKey = "__metadata__";

    /// <summary>Largest header accepted (the reference implementation's limit, 100 MB).</summary>
    public const long MaxHeaderBytes = 100_000_000;

    /// <summary>Reads and validates the file at <paramref name="path"/>.</summary>
    public static SafeTensorsFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        byte[] bytes = File.ReadAllBytes(path);
        try
        {
            return Parse(bytes);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Writes <paramref name="tensors"/> (F32 or F64) to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, IReadOnlyList<NamedArray> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = Serialize(new SafeTensorsFile(tensors, metadata));
        string full = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        string tmp = full + ".tmp-" + Environment.ProcessId + "-" + Environment.CurrentManagedThreadId;
        try
        {
            using (var f = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                f.Write(bytes);
                f.Flush(flushToDisk: true);
            }
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    /// <summary>
    /// The bytes of a safetensors file: metadata first in the header, tensors in the given order and laid out
    /// contiguously in that order, header padded with spaces to a multiple of 8 bytes (as the reference writer does).
    /// Only F32 and F64 are written; F32 values are rounded to nearest from double.
    /// </summary>
    public static byte[] Serialize(SafeTensorsFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var headerStream = new MemoryStream();
        long offset = 0;
        using (var w = new Utf8JsonWriter(headerStream))
        {
            w.WriteStartObject();
            if (file.Metadata.Count > 0)
            {
                w.WriteStartObject(MetadataKey);
                foreach (var (k, v) in file.Metadata) w.WriteString(k, v);
                w.WriteEndObject();
            }
            foreach (NamedArray t in file.Tensors)
            {
                if (t.DType is not (SafeTensorsDType.F32 or SafeTensorsDType.F64))
                    throw new ArgumentException($"tensor '{t.Name}': only F32 and F64 are written, got {t.DType.HeaderName()}", nameof(file));
                long size = (long)t.Values.Length * t.DType.Size();
                w.WriteStartObject(t.Name);
                w.WriteString("dtype", t.DType.HeaderName());
                w.WriteStartArray("shape");
                foreach (int s in t.Shape) w.WriteNumberValue(s);
                w.WriteEndArray();
                w.WriteStartArray("data_offsets");
                w.WriteNumberValue(offset);
                w.WriteNumberValue(offset + size);
                w.WriteEndArray();
                w.WriteEndObject();
                offset += size;
            }
            w.WriteEndObject();
        }
        int headerLength = (int)headerStream.Length;
        int padded = (headerLength + 7) / 8 * 8;
        var bytes = new byte[8 + padded + offset];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)padded);
        headerStream.GetBuffer().AsSpan(0, headerLength).CopyTo(bytes.AsSpan(8));
        bytes.AsSpan(8 + headerLength, padded - headerLength).Fill((byte)' ');
        Span<byte> data = bytes.AsSpan(8 + padded);
        int pos = 0;
        foreach (NamedArray t in file.Tensors)
        {
            foreach (double v in t.Values)
            {
                if (t.DType == SafeTensorsDType.F32) { BinaryPrimitives.WriteSingleLittleEndian(data[pos..], (float)v); pos += 4; }
                else { BinaryPrimitives.WriteDoubleLittleEndian(data[pos..], v); pos += 8; }
            }
        }
        return bytes;
    }

    /// <summary>Parses and validates the bytes of a safetensors file.</summary>
    public static SafeTensorsFile Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8)
            throw new InvalidDataException($"the file has {bytes.Length} bytes, fewer than the 8-byte header length");
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (n > MaxHeaderBytes)
            throw new InvalidDataException($"header length {n} exceeds the limit of {MaxHeaderBytes} bytes");
        if ((long)n > bytes.Length - 8)
            throw new InvalidDataException($"header length {n} runs past the end of the file ({bytes.Length} bytes)");
        ReadOnlySpan<byte> header = bytes.Slice(8, (int)n);
        ReadOnlySpan<byte> data = bytes[(8 + (int)n)..];
        if (header.Length == 0 || header[0] != (byte)'{')
            throw new InvalidDataException("the header does not start with '{'");

        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(header); }
        catch (DecoderFallbackException) { throw new InvalidDataException("the header is not valid UTF-8"); }

        JsonDocument doc;
        try { doc = JsonDocument.Parse(text); }
        catch (JsonException e) { throw new InvalidDataException($"the header is not valid JSON ({e.Message})"); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException("the header is not a JSON object");
            var entries = new List<Entry>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            Dictionary<string, string>? metadata = null;
            foreach (JsonProperty prop in doc.RootElement.EnumerateObject())
            {
                if (!seen.Add(prop.Name))
                    throw new InvalidDataException($"'{prop.Name}' appears twice in the header");
                if (prop.Name == MetadataKey) metadata = ReadMetadata(prop.Value);
                else entries.Add(ReadEntry(prop.Name, prop.Value, data.Length));
            }
            CheckLayout(entries, data.Length);

            var tensors = new List<NamedArray>(entries.Count);
            foreach (Entry e in entries.OrderBy(e => e.Begin))
                tensors.Add(new NamedArray(e.Name, e.DType, e.Shape, Decode(e.DType, data[(int)e.Begin..(int)e.End])));
            return new SafeTensorsFile(tensors, metadata);
        }
    }

    private sealed record Entry(string Name, SafeTensorsDType DType, int[] Shape, long Begin, long End);

    private static Dictionary<string, string> ReadMetadata(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"'{MetadataKey}' must be an object of strings");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty p in value.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String)
                throw new InvalidDataException($"'{MetadataKey}' entry '{p.Name}' is not a string");
            if (!map.TryAdd(p.Name, p.Value.GetString()!))
                throw new InvalidDataException($"'{MetadataKey}' entry '{p.Name}' appears twice");
        }
        return map;
    }

    private static Entry ReadEntry(string name, JsonElement value, long dataLength)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"tensor '{name}': its header entry is not an object");
        if (!value.TryGetProperty("dtype", out JsonElement dtypeElement))
            throw new InvalidDataException($"tensor '{name}': no 'dtype' in its header entry");
        if (!value.TryGetProperty("shape", out JsonElement shapeElement))
            throw new InvalidDataException($"tensor '{name}': no 'shape' in its header entry");
        if (!value.TryGetProperty("data_offsets", out JsonElement offsetsElement))
            throw new InvalidDataException($"tensor '{name}': no 'data_offsets' in its header entry");

        if (dtypeElement.ValueKind != JsonValueKind.String || !SafeTensorsDTypes.TryParse(dtypeElement.GetString()!, out SafeTensorsDType dtype))
            throw new InvalidDataException($"tensor '{name}': unknown dtype {dtypeElement.GetRawText()} (known: {SafeTensorsDTypes.KnownNames})");

        if (shapeElement.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"tensor '{name}': 'shape' is not an array");
        var shape = new int[shapeElement.GetArrayLength()];
        long count = 1;
        int k = 0;
        foreach (JsonElement s in shapeElement.EnumerateArray())
        {
            if (s.ValueKind != JsonValueKind.Number || !s.TryGetInt32(out int dim) || dim < 0)
                throw new InvalidDataException($"tensor '{name}': shape entry {s.GetRawText()} is not a non-negative integer");
            shape[k++] = dim;
            count = dim == 0 || count == 0 ? 0 : count > long.MaxValue / 8 / dim
                ? throw new InvalidDataException($"tensor '{name}': shape {shapeElement.GetRawText()} is too large")
                : count * dim;
        }
        if (count > int.MaxValue)
            throw new InvalidDataException($"tensor '{name}': shape {shapeElement.GetRawText()} holds more than {int.MaxValue} values");

        if (offsetsElement.ValueKind != JsonValueKind.Array || offsetsElement.GetArrayLength() != 2)
            throw new InvalidDataException($"tensor '{name}': 'data_offsets' must be [begin, end]");
        long[] be = new long[2];
        k = 0;
        foreach (JsonElement o in offsetsElement.EnumerateArray())
        {
            if (o.ValueKind != JsonValueKind.Number || !o.TryGetInt64(out long v) || v < 0)
                throw new InvalidDataException($"tensor '{name}': data offset {o.GetRawText()} is not a non-negative integer");
            be[k++] = v;
        }
        long begin = be[0], end = be[1];
        if (end < begin)
            throw new InvalidDataException($"tensor '{name}': data_offsets [{begin}, {end}] end before they begin");
        long need = count * dtype.Size();
        if (end - begin != need)
            throw new InvalidDataException(
                $"tensor '{name}': shape {ShapeText(shape)} of {dtype.HeaderName()} needs {need} bytes, data_offsets [{begin}, {end}] give {end - begin}");
        if (end > dataLength)
            throw new InvalidDataException($"tensor '{name}': data_offsets [{begin}, {end}] run past the end of the data ({dataLength} bytes)");
        return new Entry(name, dtype, shape, begin, end);
    }

    /// <summary>Tensors must tile the data buffer exactly: no overlap, no unindexed bytes (the format's rule).</summary>
    private static void CheckLayout(List<Entry> entries, long dataLength)
    {
        var sorted = entries.OrderBy(e => e.Begin).ThenBy(e => e.End).ToList();
        long covered = 0;
        Entry? previous = null;
        foreach (Entry e in sorted)
        {
            if (e.Begin < covered)
                throw new InvalidDataException(
                    $"tensors '{previous!.Name}' [{previous.Begin}, {previous.End}] and '{e.Name}' [{e.Begin}, {e.End}] overlap");
            if (e.Begin > covered)
                throw new InvalidDataException($"bytes [{covered}, {e.Begin}) of the data before tensor '{e.Name}' belong to no tensor");
            covered = e.End;
            previous = e;
        }
        if (covered != dataLength)
            throw new InvalidDataException(previous is null
                ? $"the header names no tensor but the data holds {dataLength} bytes"
                : $"bytes [{covered}, {dataLength}) of the data after tensor '{previous.Name}' belong to no tensor");
    }

    private static double[] Decode(SafeTensorsDType dtype, ReadOnlySpan<byte> raw)
    {
        int size = dtype.Size();
        var values = new double[raw.Length / size];
        for (int i = 0; i < values.Length; i++)
        {
            ReadOnlySpan<byte> b = raw.Slice(i * size, size);
            values[i] = dtype switch
            {
                SafeTensorsDType.Bool => b[0] != 0 ? 1.0 : 0.0,
                SafeTensorsDType.U8 => b[0],
                SafeTensorsDType.I8 => (sbyte)b[0],
                SafeTensorsDType.U16 => BinaryPrimitives.ReadUInt16LittleEndian(b),
                SafeTensorsDType.I16 => BinaryPrimitives.ReadInt16LittleEndian(b),
                SafeTensorsDType.F16 => (double)BinaryPrimitives.ReadHalfLittleEndian(b),
                SafeTensorsDType.BF16 => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(b) << 16),
                SafeTensorsDType.U32 => BinaryPrimitives.ReadUInt32LittleEndian(b),
                SafeTensorsDType.I32 => BinaryPrimitives.ReadInt32LittleEndian(b),
                SafeTensorsDType.F32 => BinaryPrimitives.ReadSingleLittleEndian(b),
                SafeTensorsDType.U64 => BinaryPrimitives.ReadUInt64LittleEndian(b),
                SafeTensorsDType.I64 => BinaryPrimitives.ReadInt64LittleEndian(b),
                SafeTensorsDType.F64 => BinaryPrimitives.ReadDoubleLittleEndian(b),
                _ => throw new InvalidDataException($"unknown dtype {dtype}"),
            };
        }
        return values;
    }

    private static string ShapeText(int[] shape) => "[" + string.Join(", ", shape) + "]";
}
