using System.Reflection;

namespace Verify.Figures.Io;

/// <summary>
/// Where a data file came from: the command line, Verify's version, and what the command drew it from (family, θ, seed).
/// <see cref="Extra"/> holds any further settings (numbers, strings, booleans) under their own keys.
/// </summary>
public sealed record Provenance(string Command, string? Family = null, double? Theta = null, long? Seed = null)
{
    /// <summary>Further settings, written after the standard keys in this order.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Extra { get; init; } = [];

    /// <summary>Free-text notes (written as the array "notes").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The provenance of the running command (<see cref="Cli.CommandLine"/>).</summary>
    public static Provenance Current(string? family = null, double? theta = null, long? seed = null) => new(Cli.CommandLine, family, theta, seed);
}

/// <summary>
/// The provenance of a data file lives in a sidecar JSON file next to it, so the data file stays plain (CSV: one header
/// row, then rows; NumPy's own .npy/.npz). The sidecar of <c>FILE.csv</c> is <c>FILE.csv.json</c> (the full name plus
/// <c>.json</c>, so <c>x.csv</c> and <c>x.npy</c> in one folder keep separate sidecars). Keys, in this order:
/// <c>file</c> (the data file's name), <c>format</c> (csv, npy, npz), <c>columns</c>, <c>rows</c>, <c>command</c>,
/// <c>version</c>, then <c>family</c>, <c>theta</c>, <c>seed</c> when known, the extra settings, and <c>notes</c>.
/// It holds no time stamp, so the same command writes the same bytes. A sidecar is written only beside a file on disk:
/// not for standard output, a FIFO or a device.
/// </summary>
public static class Sidecar
{
    /// <summary>What is appended to the data file's name.</summary>
    public const string Suffix = ".json";

    /// <summary>The sidecar of <paramref name="dataPath"/>: <c>dataPath + ".json"</c>.</summary>
    public static string PathFor(string dataPath) => dataPath + Suffix;

    /// <summary>Verify's version: the informational version of the <c>verify</c> assembly.</summary>
    public static string Version { get; } =
        typeof(Sidecar).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Sidecar).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>
    /// Writes the sidecar of the file written to <paramref name="target"/> (atomically, beside the path given) and returns
    /// its path; null when the target is not a file on disk.
    /// </summary>
    public static string? Write(OutputTarget target, string format, IReadOnlyList<string> columns, long rows, Provenance provenance)
    {
        if (!target.IsFile) return null;
        string path = PathFor(Path.GetFullPath(target.Given));
        string text = Render(Path.GetFileName(target.Given), format, columns, rows, provenance);
        AtomicFile.Write(OutputTarget.Resolve(path), TextWriter.Null, w => w.Write(text));
        return path;
    }

    /// <summary>The sidecar's JSON text.</summary>
    public static string Render(string file, string format, IReadOnlyList<string> columns, long rows, Provenance p)
    {
        using var j = new JsonOut();
        j.Begin().String("file", file).String("format", format).Strings("columns", columns).Number("rows", rows)
            .String("command", p.Command).String("version", Version);
        if (p.Family is not null) j.String("family", p.Family);
        if (p.Family is not null || p.Theta is not null) j.NumberOrNull("theta", p.Theta);
        if (p.Seed is { } seed) j.Number("seed", seed);
        foreach (var (key, value) in p.Extra) j.Value(key, value);
        if (p.Notes.Count > 0) j.Strings("notes", p.Notes);
        j.End();
        return j + Environment.NewLine;
    }
}
