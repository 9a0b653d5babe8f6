using System.Globalization;
using System.Text.Json;
using Xunit;

namespace Verify.Figures.Tests.Commands;

/// <summary>
/// What the <c>verify distance</c> test classes share: a temporary folder for their input files (deleted after each
/// test), CSV files of rows written in round-trip form, the command run in-process, and its one JSON object.
/// </summary>
public abstract class DistanceFiles : IDisposable
{
    protected DistanceFiles(string prefix) => Dir = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The test's temporary folder.</summary>
    protected string Dir { get; }

    public void Dispose()
    {
        Directory.Delete(Dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes <paramref name="text"/> to the file <paramref name="name"/> in the folder; returns its path.</summary>
    protected string WriteFile(string name, string text)
    {
        string path = Path.Combine(Dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A CSV text: the header line, then each row's values in round-trip form.</summary>
    protected static string Csv(IEnumerable<double[]> rows, string header = "x,y") =>
        header + "\n" + string.Join("\n", rows.Select(r => string.Join(",", r.Select(v => v.ToString("R", CultureInfo.InvariantCulture))))) + "\n";

    protected static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Invoke(args);

    /// <summary>Standard output parsed as exactly one JSON value, which must be an object (nothing else on stdout).</summary>
    protected static JsonElement Json(string stdout)
    {
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
        return doc.RootElement.Clone();
    }
}
