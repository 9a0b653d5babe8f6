using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Verify.Properties.Catalogue;

/// <summary>
/// The JSON of claim results, shared by <c>verify claims --json</c> and the report: one object per result with the fields
/// of <see cref="ClaimResult.Fields"/> (±∞ as the strings "Infinity"/"-Infinity", a missing value as null, never NaN), and
/// the document <c>{"claims": […], "passed", "failed", "as_required", "scale", "falsify", "seed"}</c>. Text is written
/// unescaped (≤, θ, ‖ stay readable); embed it in HTML only through an HTML encoder.
/// </summary>
public static class ClaimJson
{
    /// <summary>The whole document for a run.</summary>
    public static string Document(IReadOnlyList<ClaimResult> results, ClaimRun run)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(run);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("claims");
            foreach (ClaimResult r in results) WriteResult(w, r);
            w.WriteEndArray();
            w.WriteNumber("passed", results.Count(r => r.Passed));
            w.WriteNumber("failed", results.Count(r => !r.Passed));
            w.WriteNumber("as_required", results.Count(r => r.AsRequired));
            w.WriteString("scale", run.Scale.Name());
            w.WriteBoolean("falsify", run.Falsify);
            if (run.Seed is { } s) w.WriteNumber("seed", s);
            else w.WriteNull("seed");
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }

    /// <summary>One result as a JSON object (for embedding in another document).</summary>
    public static void WriteResult(Utf8JsonWriter writer, ClaimResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        WriteObject(writer, result.Fields());
    }

    private static void WriteObject(Utf8JsonWriter w, IReadOnlyList<(string Key, object? Value)> fields)
    {
        w.WriteStartObject();
        foreach (var (key, value) in fields)
        {
            w.WritePropertyName(key);
            WriteValue(w, value);
        }
        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case long l: w.WriteNumberValue(l); break;
            case int i: w.WriteNumberValue(i); break;
            case double d when double.IsNaN(d): w.WriteNullValue(); break;
            case double d when double.IsInfinity(d): w.WriteStringValue(d > 0 ? "Infinity" : "-Infinity"); break;
            case double d: w.WriteNumberValue(d); break;
            case IEnumerable<IReadOnlyList<(string, object?)>> objects:
                w.WriteStartArray();
                foreach (var o in objects) WriteObject(w, o);
                w.WriteEndArray();
                break;
            default: throw new InvalidOperationException($"no JSON form for a {value.GetType().Name}");
        }
    }
}
