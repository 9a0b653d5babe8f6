using System.CommandLine;
using System.Globalization;
using Verify.Figures.Io;
using Verify.Toys;
using Verify.Toys.Families;

namespace Verify.Figures.Commands;

/// <summary>
/// <c>verify sample FAMILY [--theta T] [--n N] [--seed S] --out FILE.csv</c>: n i.i.d. points of a toy law
/// (<see cref="ToyFamilies"/>), written atomically in the sample CSV format that <c>verify distance</c> reads, with
/// "# seed=…" (and family, θ, n) comment lines first. <c>verify sample --list</c> lists every family with its θ range.
/// The same family, θ, n and seed give a byte-identical file on every machine (the toys' own RNG).
/// </summary>
public static class SampleCommand
{
    /// <summary>Default number of points.</summary>
    public const int DefaultCount = 1000;

    /// <summary>Largest number of points one call writes.</summary>
    public const int MaxCount = 10_000_000;

    /// <summary>Default seed.</summary>
    public const long DefaultSeed = 1;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var family = new Argument<string?>("FAMILY")
        {
            Description = "the toy family, e.g. parallel-lines, gaussian-pair, 8gaussians (all of them: verify sample --list)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var theta = new Option<double?>("--theta")
        {
            Description = "the family's parameter θ (default: the family's default; see --list)",
            HelpName = "T",
            CustomParser = r =>
            {
                string text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) return v;
                r.AddError($"sample: --theta: '{text}' is not a number");
                return null;
            },
        };
        var n = new Option<int>("--n") { Description = $"number of points, 1 to {MaxCount}", HelpName = "N", DefaultValueFactory = _ => DefaultCount };
        var seed = new Option<long>("--seed") { Description = "random seed (recorded in the file as '# seed=S')", HelpName = "S", DefaultValueFactory = _ => DefaultSeed };
        var output = new Option<string?>("--out") { Description = "the CSV file to write (required; written atomically)", HelpName = "FILE.csv" };
        var list = new Option<bool>("--list") { Description = "list the families with their parameters and exit" };
        var cmd = new Command("sample", "Samples a toy family into a CSV file that `verify distance` reads.")
        {
            family, theta, n, seed, output, list,
        };
        cmd.SetAction(parse =>
        {
            if (parse.GetValue(list))
            {
                stdout.Write(List());
                return Cli.Ok;
            }
            string name = parse.GetValue(family) ?? throw new UsageException("sample: a FAMILY is required (or --list); families: " + Names());
            string path = parse.GetValue(output) ?? throw new UsageException("sample: --out FILE.csv is required");
            var result = Write(name, parse.GetValue(theta), parse.GetValue(n), parse.GetValue(seed), path);
            stdout.WriteLine($"wrote {result.Count} points of {result.Family} (θ = {Show(result.Theta)}, seed = {result.Seed}) to {path}");
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

    /// <summary>What <see cref="Write"/> wrote.</summary>
    public sealed record SampleWritten(string Family, double? Theta, int Count, long Seed, IReadOnlyList<string> Columns);

    /// <summary>
    /// Validates the request (known family, 1 ≤ n ≤ <see cref="MaxCount"/>, θ in the family's range or absent for a fixed
    /// law) and writes the file. Bad input throws <see cref="UsageException"/> naming the parameter and the allowed values.
    /// </summary>
    public static SampleWritten Write(string familyName, double? theta, int n, long seed, string path)
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
        double[] points;
        try { points = law.SamplePoints(n, seed); }
        catch (ArgumentException e) { throw new UsageException("sample: --theta: " + Cli.Describe(e)); } // a sample that overflows doubles
        var comments = new List<string>
        {
            $"seed={seed.ToString(CultureInfo.InvariantCulture)}",
            $"family={entry.Name}",
            usedTheta is null ? "theta=none" : $"theta={Show(usedTheta)}",
            $"n={n.ToString(CultureInfo.InvariantCulture)}",
        };
        try { SampleCsv.Write(path, entry.Columns, points, comments: comments); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"sample: --out {path}: cannot write the file ({e.Message})");
        }
        return new SampleWritten(entry.Name, usedTheta, n, seed, entry.Columns);
    }

    private static string Names() => string.Join(", ", ToyFamilies.All.Select(e => e.Name));

    private static string Show(double? x) => x is null ? "none" : x.Value.ToString("R", CultureInfo.InvariantCulture);
}
