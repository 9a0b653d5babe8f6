using System.CommandLine;
using System.Globalization;
using Verify.Figures.Io;
using Verify.Toys;
using Verify.Toys.Families;

namespace Verify.Figures.Commands;

/// <summary>
/// <c>verify sample FAMILY [--theta T] [--n N] [--seed S] --out FILE [--json]</c>: n i.i.d. points of a toy law
/// (<see cref="ToyFamilies"/>) in the sample format that <c>verify distance</c> reads: plain CSV (one header row, then
/// rows), or .npy/.npz by the name's extension, or CSV on standard output for <c>--out -</c>. The provenance (command,
/// version, family, θ, seed, n) goes into the sidecar <c>FILE.json</c> next to a file on disk (<see cref="Sidecar"/>).
/// <c>verify sample --list</c> lists every family with its θ range. The same family, θ, n and seed give a byte-identical
/// file on every machine (the toys' own RNG). A run stopped by SIGINT/SIGTERM leaves no file and no temporary file.
/// </summary>
public static class SampleCommand
{
    /// <summary>Default number of points.</summary>
    public const int DefaultCount = 1000;

    /// <summary>Largest number of points one call writes.</summary>
    public const int MaxCount = 10_000_000;

    /// <summary>Default seed: the one every command uses.</summary>
    public const long DefaultSeed = Cli.DefaultSeed;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var family = new Argument<string?>("FAMILY")
        {
            Description = "the toy family, e.g. parallel-lines, gaussian-pair, 8gaussians (all of them: verify sample --list)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var theta = new Option<double?>("--theta") { Description = "the family's parameter θ (default: the family's default; see --list)", HelpName = "T" };
        var n = new Option<int>("--n") { Description = $"number of points, 1 to {MaxCount}", HelpName = "N", DefaultValueFactory = _ => DefaultCount };
        var seed = Cli.SeedOption("random seed (recorded in the sidecar FILE.json)");
        var output = new Option<string?>("--out")
        {
            Description = "the file to write (required): CSV, or .npy/.npz by extension; '-' for CSV on standard output. " +
                          "A regular file is replaced atomically; a FIFO, a device or a symlink's target is written through",
            HelpName = "FILE.csv",
        };
        var list = new Option<bool>("--list") { Description = "list the families with their parameters and exit" };
        var json = new Option<bool>("--json") { Description = "print one JSON object (file, format, sidecar, n, family, theta, seed, columns)" };
        var cmd = new Command("sample", "Samples a toy family into a CSV (or .npy/.npz) file that `verify distance` reads.")
        {
            family, theta, n, seed, output, list, json,
        };
        cmd.SetAction(parse =>
        {
            bool asJson = parse.GetValue(json);
            if (parse.GetValue(list))
            {
                stdout.Write(asJson ? ListJson() : List());
                return Cli.Ok;
            }
            string name = parse.GetValue(family) ?? throw new UsageException("sample: a FAMILY is required (or --list); families: " + Names());
            string path = parse.GetValue(output) ?? throw new UsageException("sample: --out FILE.csv is required");
            if (asJson && path != "" && OutputTarget.Resolve(path).Mode == OutputMode.StandardOutput)
                throw new UsageException("sample: --json and --out - both write to standard output; give --out a file");
            var result = Write(name, parse.GetValue(theta), parse.GetValue(n), parse.GetValue(seed), path, stdout);
            if (asJson) stdout.Write(result.ToJson());
            else if (result.File.Target.Mode != OutputMode.StandardOutput)
                stdout.WriteLine($"wrote {result.Count} points of {result.Family} (θ = {Show(result.Theta)}, seed = {result.Seed}) to {path}" +
                                 (result.File.SidecarPath is { } s ? $" (provenance: {Path.GetFileName(s)})" : ""));
            return Cli.Ok;
        });
        return cmd;
    }

    /// <summary>One line per family: name, dimension, θ range and default, summary.</summary>
    public static string List()
    {
        var sb = new System.Text.StringBuilder();
        foreach (ToyEntry e in ToyFamilies.All) sb.AppendLine(e.Describe());
        return sb.ToString();
    }

    private static string ListJson()
    {
        using var j = new JsonOut();
        j.Begin().BeginArray("families");
        foreach (ToyEntry e in ToyFamilies.All)
        {
            j.Begin().String("name", e.Name).Number("dim", (long)e.Columns.Count).Strings("columns", e.Columns).String("description", e.Describe());
            if (e.Theta is { } t) j.Number("theta_default", t.Default);
            j.End();
        }
        j.EndArray().End();
        return j + Environment.NewLine;
    }

    /// <summary>What <see cref="Write"/> wrote.</summary>
    public sealed record SampleWritten(string Family, double? Theta, int Count, long Seed, IReadOnlyList<string> Columns, WrittenSample File)
    {
        /// <summary>The JSON that <c>sample --json</c> prints.</summary>
        public string ToJson()
        {
            using var j = new JsonOut();
            j.Begin().String("file", File.Target.Given).String("format", File.Format);
            if (File.SidecarPath is { } s) j.String("sidecar", s); else j.Null("sidecar");
            j.Number("n", Count).String("family", Family).NumberOrNull("theta", Theta).Number("seed", Seed).Strings("columns", Columns).End();
            return j + Environment.NewLine;
        }
    }

    /// <summary>
    /// Validates the request (known family, 1 ≤ n ≤ <see cref="MaxCount"/>, θ in the family's range or absent for a fixed
    /// law) and writes the file and its sidecar. Bad input throws <see cref="UsageException"/> naming the parameter and
    /// the allowed values. <paramref name="stdout"/> receives the CSV for <c>--out -</c>.
    /// </summary>
    public static SampleWritten Write(string familyName, double? theta, int n, long seed, string path, TextWriter? stdout = null)
    {
        ToyEntry entry;
        try { entry = ToyFamilies.Get(familyName); }
        catch (ArgumentException e) { throw new UsageException("sample: " + Cli.Describe(e)); }
        if (n < 1 || n > MaxCount)
            throw new UsageException($"sample: --n must be between 1 and {MaxCount}, got {n}");
        IToyDistribution law;
        try { law = entry.Resolve(theta); }
        catch (ArgumentException e) { throw new UsageException("sample: --theta: " + Cli.Describe(e)); }
        double? usedTheta = entry.Theta is null ? null : theta ?? entry.Theta.Default;
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException("sample: --out: the file name is empty");
        try { OutputTarget.Resolve(path); } // a directory or a socket is refused before sampling
        catch (UsageException e) { throw new UsageException("sample: " + e.Message); }
        double[] points;
        try { points = law.SamplePoints(n, seed); }
        catch (ArgumentException e) { throw new UsageException("sample: --theta: " + Cli.Describe(e)); } // a sample that overflows doubles
        Interruption.ThrowIfRequested();
        var provenance = Provenance.Current(entry.Name, usedTheta, seed) with
        {
            Extra = [new("n", n)],
        };
        WrittenSample written;
        try { written = SampleFiles.Write(path, stdout ?? Console.Out, entry.Columns, points, default, provenance); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"sample: --out {path}: cannot write the file ({e.Message})");
        }
        return new SampleWritten(entry.Name, usedTheta, n, seed, entry.Columns, written);
    }

    private static string Names() => string.Join(", ", ToyFamilies.All.Select(e => e.Name));

    private static string Show(double? x) => x is null ? "none" : x.Value.ToString("R", CultureInfo.InvariantCulture);
}
