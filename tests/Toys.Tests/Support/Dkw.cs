namespace Verify.Toys.Tests.Support;

/// <summary>
/// One-sample Kolmogorov–Smirnov checks with the Dvoretzky–Kiefer–Wolfowitz inequality (tight constant, Massart 1990):
/// for n i.i.d. draws with continuous CDF F, P(sup_x |F_n(x) − F(x)| &gt; ε) ≤ 2·exp(−2nε²).
/// So with ε = √(ln(2/δ)/(2n)) a correct sampler fails with probability at most δ.
/// </summary>
internal static class Dkw
{
    /// <summary>The failure probability every statistical test in this project is held to.</summary>
    public const double Delta = 1e-6;

    /// <summary>ε with 2·exp(−2nε²) = δ.</summary>
    public static double Epsilon(int n, double delta = Delta) => Math.Sqrt(Math.Log(2.0 / delta) / (2.0 * n));

    /// <summary>sup_x |F_n(x) − F(x)| for the sample (sorted here on a copy).</summary>
    public static double Statistic(IEnumerable<double> sample, Func<double, double> cdf)
    {
        double[] x = sample.ToArray();
        Array.Sort(x);
        int n = x.Length;
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            double f = cdf(x[i]);
            d = Math.Max(d, Math.Max((i + 1.0) / n - f, f - (double)i / n));
        }
        return d;
    }

    /// <summary>
    /// max_j |F_n(s_j) − F(s_j)| over grid points s_j: never larger than the full supremum, so the same DKW bound holds.
    /// </summary>
    public static double StatisticOnGrid(IEnumerable<double> sample, IReadOnlyList<double> grid, Func<double, double> cdf)
    {
        double[] x = sample.ToArray();
        Array.Sort(x);
        double d = 0;
        foreach (double s in grid)
        {
            int below = UpperBound(x, s);
            d = Math.Max(d, Math.Abs((double)below / x.Length - cdf(s)));
        }
        return d;
    }

    private static int UpperBound(double[] sorted, double s)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= s) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
