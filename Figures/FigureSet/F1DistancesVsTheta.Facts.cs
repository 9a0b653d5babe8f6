using MathNet.Numerics.Distributions;
using Verify.Figures.FigureSet.Core;

namespace Verify.Figures.FigureSet;

public sealed partial class F1DistancesVsTheta
{
    /// <summary>Relative error allowed between the seed mean of a WGAN-LP estimate and W₁ at |θ| ≥ 0.5 (the one-sided
    /// penalty's optimum is W₁(1 + W₁/(2λ)), 5% high at W₁ = 1; the rest is held-out sampling error and training).</summary>
    public const double LpTolerance = 0.15;

    /// <summary>A clipped critic (c = 0.01, 64×2) is Lipschitz with a constant far below 1: its estimate ÷ W₁ stays under this.</summary>
    public const double ClipRatioBound = 0.05;

    /// <summary>Absolute error allowed between the GAN's JS estimate (seed mean) and the exact JS, nats.</summary>
    public const double JsTolerance = 0.05;

    public override IReadOnlyList<Fact> Facts(TableSet tables)
    {
        TidyTable exact = tables[ExactSchema.Name], est = tables[EstimatesSchema.Name];
        var facts = new List<Fact>();
        double log2 = Math.Log(2);

        // Closed forms on the exact table, held against formulas written here independently of Toys.
        var lines = exact.Where(("family", "parallel-lines")).ToArray();
        var gauss = exact.Where(("family", "gaussian-location")).ToArray();
        double w1Err = lines.Concat(gauss).Max(r => Math.Abs(exact.Number(r, "w1") - Math.Abs(exact.Number(r, "theta"))));
        facts.Add(Fact.AtMost("w1-equals-abs-theta", "exact W₁ = |θ| on both families (max |W₁ − |θ||)", w1Err, 0, "parallel-lines.values"));
        int offLines = lines.Count(r =>
        {
            bool zero = exact.Number(r, "theta") == 0;
            return zero
                ? exact.Number(r, "js") != 0 || exact.Number(r, "kl") != 0 || exact.Number(r, "tv") != 0
                : exact.Number(r, "js") != log2 || !double.IsPositiveInfinity(exact.Number(r, "kl")) || exact.Number(r, "tv") != 1;
        });
        facts.Add(Fact.AtMost("lines-js-kl-tv", "parallel lines: JS = log 2, KL = +∞, TV = 1 for θ ≠ 0 and all 0 at θ = 0 (rows that differ)",
            offLines, 0, "parallel-lines.values"));
        int zeroRow = lines.Single(r => exact.Number(r, "theta") == 0);
        int nearRow = lines.Where(r => exact.Number(r, "theta") != 0).MinBy(r => Math.Abs(exact.Number(r, "theta")));
        double nearZeroJs = exact.Number(nearRow, "js") - exact.Number(zeroRow, "js");
        facts.Add(new Fact("js-jump-at-zero", "parallel lines: JS jumps by log 2 between θ = 0 and the nearest grid θ ≠ 0, while W₁ moves by 0.01",
            nearZeroJs, "= log 2", nearZeroJs == log2, "js.discontinuity"));
        double klErr = gauss.Max(r => Math.Abs(exact.Number(r, "kl") - exact.Number(r, "theta") * exact.Number(r, "theta") / 2));
        facts.Add(Fact.AtMost("gauss-kl", "N(θ, 1): KL = θ²/2 (max absolute error)", klErr, 1e-15));
        double tvErr = gauss.Max(r => Math.Abs(exact.Number(r, "tv") - (2 * Normal.CDF(0, 1, Math.Abs(exact.Number(r, "theta")) / 2) - 1)));
        facts.Add(Fact.AtMost("gauss-tv", "N(θ, 1): TV = 2Φ(|θ|/2) − 1, Φ from MathNet (max absolute error)", tvErr, 1e-12));
        int pinsker = gauss.Count(r => exact.Number(r, "tv") > Math.Sqrt(exact.Number(r, "kl") / 2) + 1e-15);
        facts.Add(Fact.AtMost("pinsker", "N(θ, 1): TV ≤ √(KL/2) on every grid θ (rows that break it)", pinsker, 0, "pinsker"));

        // Trained networks.
        double lpWorst = WorstRelative(est, exact, "wgan-lp", "w1", 0.5);
        facts.Add(Fact.AtMost("lp-tracks-w1", $"WGAN-LP held-out estimate (seed mean) within {LpTolerance:P0} of W₁ at |θ| ≥ 0.5, both families (worst relative error)",
            lpWorst, LpTolerance, "critic.tracks-exact"));
        double clipRatio = Ratios(est, exact, "wgan-clip", "w1", 0.5).Max();
        facts.Add(Fact.AtMost("clip-scaled", "weight-clipped critic: estimate ÷ W₁ at |θ| ≥ 0.5 (largest), i.e. it estimates K·W₁ with K ≪ 1",
            clipRatio, ClipRatioBound, "wgan-clip.scaled-estimate"));
        double jsErr = WorstAbsolute(est, exact, "gan", "js", 0.5);
        facts.Add(Fact.AtMost("gan-tracks-js", "GAN discriminator's JS estimate (seed mean) within 0.05 nats of the exact JS at |θ| ≥ 0.5, both families (worst error)",
            jsErr, JsTolerance, "critic.tracks-exact"));
        int trapped = est.Where(("method", "wgan-gp")).Count(r => est.Number(r, "estimate") < 0 && est.Number(r, "theta") != 0);
        facts.Add(Fact.Observed("gp-spurious-optimum", "WGAN-GP critics that settled at the two-sided penalty's spurious optimum (negative estimate; left out of the log panels)",
            trapped, "wgan-gp.spurious-optimum"));
        return facts;
    }

    public override IReadOnlyList<Comparison> Comparisons(TableSet tables)
    {
        TidyTable exact = tables[ExactSchema.Name], est = tables[EstimatesSchema.Name];
        var rows = new List<Comparison>();
        foreach (string family in est.Distinct("family"))
            foreach (string method in est.Distinct("method"))
            {
                string quantity = method == "gan" ? "js" : "w1";
                foreach (Point p in Groups.Series(est, "theta", "estimate", ("family", family), ("method", method)))
                    rows.Add(new Comparison($"{family}, θ = {Fact.Show(p.X)}", quantity == "js" ? "JS (nats)" : "W₁", method,
                        ExactAt(exact, family, p.X, quantity), p.Mean, p.HalfRange, p.Count));
            }
        return rows;
    }

    /// <summary>The exact value of a column at (family, θ).</summary>
    public static double ExactAt(TidyTable exact, string family, double theta, string column)
    {
        foreach (int r in exact.Where(("family", family)))
            if (Math.Abs(exact.Number(r, "theta") - theta) < 1e-12) return exact.Number(r, column);
        throw new InvalidDataException($"exact.csv has no row for {family} at θ = {theta}");
    }

    private static IEnumerable<(Point P, double Exact)> Pairs(TidyTable est, TidyTable exact, string method, string column, double minAbsTheta) =>
        est.Distinct("family").SelectMany(family =>
            Groups.Series(est, "theta", "estimate", ("family", family), ("method", method))
                .Where(p => Math.Abs(p.X) >= minAbsTheta)
                .Select(p => (p, ExactAt(exact, family, p.X, column))));

    private static double WorstRelative(TidyTable est, TidyTable exact, string method, string column, double minAbsTheta) =>
        Pairs(est, exact, method, column, minAbsTheta).Select(x => Math.Abs(x.P.Mean - x.Exact) / x.Exact).DefaultIfEmpty(double.PositiveInfinity).Max();

    private static double WorstAbsolute(TidyTable est, TidyTable exact, string method, string column, double minAbsTheta) =>
        Pairs(est, exact, method, column, minAbsTheta).Select(x => Math.Abs(x.P.Mean - x.Exact)).DefaultIfEmpty(double.PositiveInfinity).Max();

    private static IEnumerable<double> Ratios(TidyTable est, TidyTable exact, string method, string column, double minAbsTheta) =>
        Pairs(est, exact, method, column, minAbsTheta).Select(x => x.P.Mean / x.Exact).DefaultIfEmpty(double.PositiveInfinity);
}
