using System.Globalization;

namespace Verify.Properties.Catalogue;

/// <summary>
/// One numeric condition of a check: <c>measured</c> must relate to <c>expected</c> as <see cref="Relation"/> says,
/// within an absolute <see cref="Tolerance"/>. A NaN never passes; infinities pass only when equal (for
/// <see cref="Relation.Equal"/>) or on the right side (for the inequalities).
/// </summary>
/// <param name="Name">What is compared, e.g. "triangle: W1(P,R) − W1(P,Q) − W1(Q,R), relative to the diameter".</param>
/// <param name="Measured">The value found (for a property over many cases: the worst case).</param>
/// <param name="Expected">The value or bound it is compared with.</param>
/// <param name="Relation">=, ≤ or ≥.</param>
/// <param name="Tolerance">The absolute slack allowed (≥ 0).</param>
public sealed record Condition(string Name, double Measured, double Expected, Relation Relation, double Tolerance)
{
    /// <summary>True when the condition holds.</summary>
    public bool Passed => Utilisation <= 1.0;

    /// <summary>
    /// How much of the tolerance is used: |m − e|/tol for =, (m − e)/tol for ≤, (e − m)/tol for ≥ (negative when an
    /// inequality holds with room to spare); the condition holds when this is ≤ 1. A zero tolerance gives 0 for an exact
    /// match and ±∞ otherwise; NaN anywhere gives +∞.
    /// </summary>
    public double Utilisation
    {
        get
        {
            if (double.IsNaN(Measured) || double.IsNaN(Expected) || double.IsNaN(Tolerance) || Tolerance < 0) return double.PositiveInfinity;
            double gap = Gap;
            if (double.IsNaN(gap)) return double.PositiveInfinity;
            if (gap == 0) return 0.0;
            if (Tolerance == 0 || double.IsInfinity(gap)) return gap > 0 ? double.PositiveInfinity : double.NegativeInfinity;
            return gap / Tolerance;
        }
    }

    /// <summary>The signed distance to the expected value in the failing direction: |m − e| for =, m − e for ≤, e − m for ≥ (0 when equal, NaN for NaN).</summary>
    public double Gap => Measured == Expected ? 0.0 : Relation switch
    {
        Relation.Equal => Math.Abs(Measured - Expected),
        Relation.AtMost => Measured - Expected,
        _ => Expected - Measured,
    };

    /// <summary>e.g. "triangle … = 1.2E-16 ≤ 0 (± 1E-10)".</summary>
    public override string ToString() =>
        $"{Name}: {Format(Measured)} {Relation.Symbol()} {Format(Expected)} (tolerance {Format(Tolerance)}) — {(Passed ? "holds" : "FAILS")}";

    /// <summary>Invariant round-trip text; ±∞ as "Infinity"/"-Infinity".</summary>
    public static string Format(double x) =>
        double.IsPositiveInfinity(x) ? "Infinity" : double.IsNegativeInfinity(x) ? "-Infinity" : x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>= within <paramref name="tolerance"/>.</summary>
    public static Condition Equal(string name, double measured, double expected, double tolerance) => new(name, measured, expected, Relation.Equal, tolerance);

    /// <summary>measured ≤ bound + tolerance.</summary>
    public static Condition AtMost(string name, double measured, double bound, double tolerance) => new(name, measured, bound, Relation.AtMost, tolerance);

    /// <summary>measured ≥ bound − tolerance.</summary>
    public static Condition AtLeast(string name, double measured, double bound, double tolerance) => new(name, measured, bound, Relation.AtLeast, tolerance);

    /// <summary>
    /// Of two values of the same condition, the one closer to failing: the larger <see cref="Utilisation"/>, and between equal
    /// utilisations (both ±∞ under a zero tolerance) the larger <see cref="Gap"/>.
    /// </summary>
    public static Condition Worse(Condition a, Condition b)
    {
        double ua = a.Utilisation, ub = b.Utilisation;
        if (ub != ua) return ub > ua ? b : a;
        return b.Gap > a.Gap ? b : a;
    }
}
