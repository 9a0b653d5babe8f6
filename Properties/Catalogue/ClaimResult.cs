using System.Globalization;

namespace Verify.Properties.Catalogue;

/// <summary>
/// The result of running one claim (or its falsification) at a scale from a seed: what <c>verify claims</c> prints, in
/// the table and as JSON (<see cref="Fields"/>), and what the report shows.
/// </summary>
public sealed class ClaimResult
{
    internal ClaimResult(Claim claim, Finding outcome, ClaimScale scale, long seed, bool falsified, double seconds)
    {
        Claim = claim;
        Finding = outcome;
        Scale = scale;
        Seed = seed;
        Falsified = falsified;
        Seconds = seconds;
    }

    /// <summary>The claim that ran.</summary>
    public Claim Claim { get; }

    /// <summary>Everything the check found.</summary>
    public Finding Finding { get; }

    /// <summary>The scale it ran at.</summary>
    public ClaimScale Scale { get; }

    /// <summary>The seed it ran from: the same seed gives the same numbers.</summary>
    public long Seed { get; }

    /// <summary>True when this is the run on the deliberately wrong input.</summary>
    public bool Falsified { get; }

    /// <summary>Wall time of the check.</summary>
    public double Seconds { get; }

    /// <summary>The claim's id.</summary>
    public string Id => Claim.Id;

    /// <summary>True when every condition held.</summary>
    public bool Passed => Finding.Passed;

    /// <summary>"pass" or "fail" (a check that could not run is a fail).</summary>
    public string Verdict => Passed ? "pass" : "fail";

    /// <summary>
    /// For a falsification: true when the wrong input made a condition fail, which is what it must do (a check that threw
    /// does not count). For a normal run: true when it passed.
    /// </summary>
    public bool AsRequired => Falsified ? Finding.FailedACondition : Passed;

    /// <summary>The reported condition (the first failing one, or the one closest to its tolerance); null if the check could not run.</summary>
    public Condition? Binding => Finding.Binding;

    /// <summary>Measured value of <see cref="Binding"/> (NaN if none).</summary>
    public double Measured => Binding?.Measured ?? double.NaN;

    /// <summary>Expected value of <see cref="Binding"/> (NaN if none).</summary>
    public double Expected => Binding?.Expected ?? double.NaN;

    /// <summary>The tolerance of <see cref="Binding"/> (NaN if none).</summary>
    public double Tolerance => Binding?.Tolerance ?? double.NaN;

    /// <summary>The detail: counter-example and replay line on failure, the error if the check could not run.</summary>
    public string Detail => Finding.Error is { } e ? "error: " + e : Finding.Detail;

    /// <summary>The command line that reruns exactly this check.</summary>
    public string ReplayCommand =>
        $"verify claims --filter {Id} --scale {Scale.Name()} --seed {Seed.ToString(CultureInfo.InvariantCulture)}" + (Falsified ? " --falsify" : "");

    /// <summary>
    /// The JSON fields, in order, as (key, value) pairs: id, statement, source, kind, measured, expected, relation,
    /// tolerance, tolerance_reason, verdict, seconds, seed, scale, falsify, condition, cases, detail, conditions[], and
    /// for statistical claims epsilon and delta. Values are string, double (±∞ allowed; NaN never — it is written as
    /// null), long, bool, or a list of condition field lists. The CLI and the report both write these.
    /// </summary>
    public IReadOnlyList<(string Key, object? Value)> Fields()
    {
        var f = new List<(string, object?)>
        {
            ("id", Id), ("statement", Claim.Statement), ("source", Claim.Source), ("kind", Claim.Kind.Name()),
            ("measured", NullIfNaN(Measured)), ("expected", NullIfNaN(Expected)), ("relation", Binding?.Relation.Symbol()),
            ("tolerance", NullIfNaN(Tolerance)), ("tolerance_reason", Claim.ToleranceReason),
            ("verdict", Verdict), ("seconds", Seconds), ("seed", Seed), ("scale", Scale.Name()), ("falsify", Falsified),
            ("condition", Binding?.Name), ("cases", (long)Finding.Cases), ("detail", Detail),
        };
        if (Claim.Bound is { } b)
        {
            f.Add(("epsilon", Finding.Epsilon is { } e ? e : null));
            f.Add(("epsilon_statement", b.Epsilon));
            f.Add(("delta", b.Delta));
        }
        if (Falsified) f.Add(("falsify_input", Claim.FalsifyInput));
        f.Add(("conditions", Finding.Conditions.Select(c => (IReadOnlyList<(string, object?)>)
        [
            ("name", c.Name), ("measured", NullIfNaN(c.Measured)), ("expected", NullIfNaN(c.Expected)),
            ("relation", c.Relation.Symbol()), ("tolerance", NullIfNaN(c.Tolerance)), ("holds", c.Passed),
        ]).ToList()));
        return f;
    }

    private static object? NullIfNaN(double x) => double.IsNaN(x) ? null : x;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Id} [{Verdict}{(Falsified ? ", falsify" : "")}] " +
        (Binding is { } c ? c.ToString() : Detail) + $" ({Seconds.ToString("F2", CultureInfo.InvariantCulture)} s, seed {Seed})";
}
