using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

/// <summary>
/// Brute-force checks of a <see cref="CloudCosts"/> implementation against every pair evaluated one by one (the truth the
/// k-d tree and blocked implementations must reproduce exactly): nearest neighbours, range, pricing, certificate sweep.
/// </summary>
internal static class CloudCostsHarness
{
    public static double[] Points(int n, int d, Random rng, double shift = 0) =>
        Enumerable.Range(0, n * d).Select(_ => TransportData.Gaussian(rng) + shift).ToArray();

    /// <summary>Each cᵢⱼ as the dense matrix holds it.</summary>
    public static double[,] Brute(CloudCosts c)
    {
        var m = new double[c.N, c.M];
        for (int i = 0; i < c.N; i++)
            for (int j = 0; j < c.M; j++) m[i, j] = c.Cost.EvaluateUnchecked(c.X(i), c.Y(j));
        return m;
    }

    public static void RangeIsExact(CloudCosts c)
    {
        double[,] b = Brute(c);
        double max = 0, min = double.PositiveInfinity;
        foreach (double x in b) { max = Math.Max(max, Math.Abs(x)); min = Math.Min(min, x); }
        Assert.Equal((max, min), c.Range());
    }

    /// <summary>
    /// The k nearest targets of each source (ties to the lower index) are the brute-force ones. <paramref name="euclidean"/>:
    /// nearest by the Euclidean distance whatever the cost (the blocked screen orders by it; for a power of the Euclidean
    /// norm the order is the same).
    /// </summary>
    public static void NearestIsExact(CloudCosts c, int k, bool euclidean = false)
    {
        double[,] b = Brute(c);
        if (euclidean) b = Brute(new BlockCosts(c.Xs, c.Ys, c.Dimension, GroundCost.Euclidean));
        var arcs = new List<(int I, int J)>();
        c.Nearest(k, arcs);
        var rows = arcs.Take(c.N * Math.Min(k, c.M)).ToList();
        for (int i = 0; i < c.N; i++)
        {
            var expected = Enumerable.Range(0, c.M).OrderBy(j => b[i, j]).ThenBy(j => j).Take(k).ToHashSet();
            var got = rows.Where(e => e.I == i).Select(e => e.J).ToHashSet();
            Assert.True(expected.SetEquals(got), $"row {i}: expected {{{string.Join(",", expected)}}}, got {{{string.Join(",", got)}}}");
        }
    }

    /// <summary>
    /// Pricing against potentials: every returned arc prices negative under the rule; every row with a violating pair
    /// gets at least one pick; the list is empty exactly when no pair prices negative. <paramref name="strict"/>: each row's
    /// and column's picks are its most negative arcs (the k-d tree's exact branch and bound; the blocked screen orders
    /// by an estimate and guarantees only the rest).
    /// </summary>
    public static void PricingIsExact(CloudCosts c, double[] pi, int perRow, int perColumn, bool strict = true)
    {
        double[,] b = Brute(c);
        var rule = new PricingRule(1e-14, 0);
        int n = c.N, m = c.M;
        double Rc(int i, int j) => Math.FusedMultiplyAdd(b[i, j], rule.CostFactor, rule.RowConstant(pi[i])) - rule.Low(pi[n + j]);
        var picks = c.Price(pi, rule, perRow, perColumn);
        int negatives = 0;
        for (int i = 0; i < n; i++)
        {
            var neg = Enumerable.Range(0, m).Where(j => Rc(i, j) < 0).OrderBy(j => Rc(i, j)).ThenBy(j => j).ToList();
            negatives += neg.Count;
            var rowPicks = picks.Where(e => e.I == i).Select(e => e.J).ToHashSet();
            if (neg.Count > 0) Assert.NotEmpty(rowPicks);
            if (strict) foreach (int j in neg.Take(perRow)) Assert.Contains(j, rowPicks);
        }
        foreach (var (i, j) in picks) Assert.True(Rc(i, j) < 0, $"({i}, {j}) does not price negative");
        Assert.True(negatives > 0 == picks.Count > 0, $"{negatives} violating pairs, {picks.Count} picks");
        if (!strict) return;
        for (int j = 0; j < m; j++)
        {
            var neg = Enumerable.Range(0, n).Where(i => Rc(i, j) < 0).OrderBy(i => Rc(i, j)).ThenBy(i => i).Take(perColumn);
            var colPicks = picks.Where(e => e.J == j).Select(e => e.I).ToHashSet();
            foreach (int i in neg) Assert.Contains(i, colPicks);
        }
    }

    /// <summary>
    /// The certificate's sweep equals the sweep over the stored matrix: maxima and range to the bit, each row's weighted
    /// sum of positive violations up to the order of its additions (non-negative terms: m·u relative at most).
    /// </summary>
    public static void SweepIsExact(CloudCosts c, double[] u, double[] a, double[] v, double[] bm)
    {
        double[,] b = Brute(c);
        DualSweep expected = new MatrixCosts(b, c.N, c.M).Sweep(u, a, v, bm), got = c.Sweep(u, a, v, bm);
        Assert.Equal(expected.RowMax, got.RowMax);
        Verify.TestSupport.Tolerance.Close(expected.RowWeighted, got.RowWeighted, rel: c.M * 1.2e-16, what: "row weighted");
        Assert.Equal(expected.MaxAbsCost, got.MaxAbsCost);
        Assert.Equal(expected.MinCost, got.MinCost);
    }

    /// <summary>
    /// Potentials that make some pairs violate: the c-transform of random u (vⱼ = minᵢ cᵢⱼ − uᵢ, tight, no violation)
    /// lifted by <paramref name="lift"/> on a few targets. π = (−u, v) in the solver's sign convention (arc (i, j) has
    /// reduced cost cᵢⱼ + πᵢ − π_{n+j}).
    /// </summary>
    public static (double[] Pi, double[] U, double[] V) Potentials(CloudCosts c, Random rng, double lift)
    {
        double[,] b = Brute(c);
        var u = Enumerable.Range(0, c.N).Select(_ => rng.NextDouble()).ToArray();
        var v = new double[c.M];
        for (int j = 0; j < c.M; j++)
        {
            double best = double.PositiveInfinity;
            for (int i = 0; i < c.N; i++) best = Math.Min(best, b[i, j] - u[i]);
            v[j] = best + (j % 7 == 0 ? lift * rng.NextDouble() : 0);
        }
        var pi = new double[c.N + c.M];
        for (int i = 0; i < c.N; i++) pi[i] = -u[i];
        for (int j = 0; j < c.M; j++) pi[c.N + j] = v[j];
        return (pi, u, v);
    }
}
