using System.Globalization;

namespace Verify.Figures.FigureSet.Core;

/// <summary>
/// A key fact asserted on a figure's data: what is claimed, the value measured on the CSV, what it was held against,
/// and the verdict. Facts are computed from the tables alone, so <c>verify figures NAME --from DIR</c> re-checks them.
/// </summary>
/// <param name="Id">Stable short id within the figure, e.g. "w1-equals-abs-theta".</param>
/// <param name="Statement">One sentence.</param>
/// <param name="Measured">The value measured on the data (±∞ allowed).</param>
/// <param name="Expected">The bound or value it is held against, in words and numbers, e.g. "≤ 0.01", "= |θ| to 1e-12".</param>
/// <param name="Holds">The verdict.</param>
/// <param name="Claim">The claim id of the catalogue the fact bears on, when there is one.</param>
/// <param name="Asserted">False for an observation that is reported but not held against a bound (verdict "info").</param>
public sealed record Fact(string Id, string Statement, double Measured, string Expected, bool Holds, string? Claim = null, bool Asserted = true)
{
    public string Verdict => !Asserted ? "info" : Holds ? "pass" : "fail";

    /// <summary>A measured value worth reporting that no bound applies to (never fails).</summary>
    public static Fact Observed(string id, string statement, double measured, string? claim = null) =>
        new(id, statement, measured, "reported, not asserted", true, claim, Asserted: false);

    /// <summary>Holds when measured ≤ bound.</summary>
    public static Fact AtMost(string id, string statement, double measured, double bound, string? claim = null) =>
        new(id, statement, measured, "≤ " + Show(bound), measured <= bound, claim);

    /// <summary>Holds when measured ≥ bound.</summary>
    public static Fact AtLeast(string id, string statement, double measured, double bound, string? claim = null) =>
        new(id, statement, measured, "≥ " + Show(bound), measured >= bound, claim);

    /// <summary>A number for people: up to 4 significant digits, ∞ as "∞".</summary>
    public static string Show(double v) =>
        double.IsPositiveInfinity(v) ? "∞" : double.IsNegativeInfinity(v) ? "−∞" : double.IsNaN(v) ? "NaN" : v.ToString("G4", CultureInfo.InvariantCulture);
}

/// <summary>One row of a figure's exact-vs-estimated table (the report prints them).</summary>
/// <param name="Setting">Where: family, θ or data set.</param>
/// <param name="Quantity">What is estimated, e.g. "W₁", "JS (nats)", "dW₁/dθ".</param>
/// <param name="Method">The estimating method.</param>
/// <param name="Exact">The exact value.</param>
/// <param name="Estimate">Mean of the estimates over seeds.</param>
/// <param name="Spread">Half the range of the estimates over seeds (0 with one seed).</param>
/// <param name="Seeds">How many seeds.</param>
public sealed record Comparison(string Setting, string Quantity, string Method, double Exact, double Estimate, double Spread, int Seeds);
