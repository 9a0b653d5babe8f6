using System.Text;
using System.Text.Json;

namespace Verify.Figures.Io;

/// <summary>
/// One JSON object on stdout, as the CLI contract requires: ±∞ is written as the string "Infinity" / "-Infinity";
/// a NaN result is a defect and throws instead of being printed.
/// </summary>
public sealed class JsonOut : IDisposable
{
    private readonly MemoryStream _buffer = new();
    private readonly Utf8JsonWriter _writer;

    // Non-ASCII text (θ, ‖, names) is written as UTF-8, not as \u escapes: stdout is for people and for json.loads alike.
    public JsonOut() => _writer = new Utf8JsonWriter(_buffer,
        new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public JsonOut Number(string name, double value)
    {
        if (double.IsNaN(value)) throw new InvalidOperationException($"result '{name}' is NaN");
        if (double.IsPositiveInfinity(value)) _writer.WriteString(name, "Infinity");
        else if (double.IsNegativeInfinity(value)) _writer.WriteString(name, "-Infinity");
        else _writer.WriteNumber(name, value);
        return this;
    }

    public JsonOut Number(string name, long value) { _writer.WriteNumber(name, value); return this; }

    /// <summary>A number, or JSON null when <paramref name="value"/> is null.</summary>
    public JsonOut NumberOrNull(string name, double? value) => value is { } v ? Number(name, v) : Null(name);

    public JsonOut Null(string name) { _writer.WriteNull(name); return this; }

    /// <summary>An array of strings.</summary>
    public JsonOut Strings(string name, IEnumerable<string> values)
    {
        _writer.WriteStartArray(name);
        foreach (string v in values) _writer.WriteStringValue(v);
        _writer.WriteEndArray();
        return this;
    }

    /// <summary>A setting of any simple type: null, bool, integer, double (±∞ as strings, NaN refused), or its invariant text.</summary>
    public JsonOut Value(string name, object? value) => value switch
    {
        null => Null(name),
        bool b => Bool(name, b),
        int i => Number(name, i),
        long l => Number(name, l),
        double d => Number(name, d),
        float f => Number(name, f),
        IFormattable f => String(name, f.ToString(null, System.Globalization.CultureInfo.InvariantCulture)),
        _ => String(name, value.ToString() ?? ""),
    };
    public JsonOut String(string name, string value) { _writer.WriteString(name, value); return this; }
    public JsonOut Bool(string name, bool value) { _writer.WriteBoolean(name, value); return this; }
    public JsonOut Begin(string? name = null) { if (name is null) _writer.WriteStartObject(); else _writer.WriteStartObject(name); return this; }
    public JsonOut End() { _writer.WriteEndObject(); return this; }
    public JsonOut BeginArray(string name) { _writer.WriteStartArray(name); return this; }
    public JsonOut EndArray() { _writer.WriteEndArray(); return this; }
    public JsonOut Element(double value)
    {
        if (double.IsNaN(value)) throw new InvalidOperationException("array element is NaN");
        if (double.IsInfinity(value)) _writer.WriteStringValue(value > 0 ? "Infinity" : "-Infinity"); else _writer.WriteNumberValue(value);
        return this;
    }

    /// <summary>The finished document.</summary>
    public override string ToString()
    {
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.ToArray());
    }

    public void Dispose()
    {
        _writer.Dispose();
        _buffer.Dispose();
    }
}
