using System.Runtime.CompilerServices;

namespace Verify.Theory;

/// <summary>
/// Wₚ between weighted samples on ℝ by the quantile formula Wₚᵖ(μ, ν) = ∫₀¹ |F⁻¹(t) − G⁻¹(t)|ᵖ dt:
/// sort both sides (in parallel when large), then sweep the merged breakpoints of the two step CDFs.
/// O((n + m) log(n + m)). Each side's weights are normalised to a probability vector (as SciPy's
/// <c>wasserstein_distance</c> does); equal weights use exact integer breakpoints i/n, j/m.
/// Ties and zero weights are handled by the sweep: a zero-weight atom spans an empty quantile interval.
/// </summary>
internal static class OneDimensional
{
    private const int ParallelSortThreshold = 50_000;

    /// <summary>(∫₀¹ |F⁻¹ − G⁻¹|ᵖ dt)^{1/p} for the normalised laws of the two weighted samples.</summary>
    public static double Wp(ReadOnlySpan<double> u, ReadOnlySpan<double> v, double p,
        ReadOnlySpan<double> uWeights, ReadOnlySpan<double> vWeights, bool uUniform, bool vUniform)
    {
        double[] x = u.ToArray(), y = v.ToArray();
        double[]? wx = uUniform ? null : uWeights.ToArray();
        double[]? wy = vUniform ? null : vWeights.ToArray();
        if (x.Length + y.Length >= ParallelSortThreshold)
            Parallel.Invoke(() => Sort(x, wx), () => Sort(y, wy));
        else
        {
            Sort(x, wx);
            Sort(y, wy);
        }
        double integral = wx is null && wy is null ? SweepUniform(x, y, p) : SweepWeighted(x, wx, y, wy, p);
        return p == 1.0 ? integral : Math.Pow(integral, 1.0 / p);
    }

    private static void Sort(double[] values, double[]? weights)
    {
        if (weights is null) RadixSort.Sort(values);
        else Array.Sort(values, weights);
    }

    private static double Power(double d, double p) => p == 1.0 ? d : p == 2.0 ? d * d : Math.Pow(d, p);

    /// <summary>Equal weights: breakpoints (i+1)/n and (j+1)/m compared exactly as (i+1)·m vs (j+1)·n.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double SweepUniform(double[] x, double[] y, double p)
    {
        long n = x.Length, m = y.Length;
        var sum = new CompensatedSum();
        // Each term is scaled by its quantile width before summing, so the sum cannot overflow before the mean does.
        if (n == m)
        {
            double w = 1.0 / n;
            for (int k = 0; k < x.Length; k++) sum.Add(w * Power(Math.Abs(x[k] - y[k]), p));
            return sum.Value;
        }
        double den = (double)n * m;
        long cur = 0; // breakpoint position ×(n·m)
        int i = 0, j = 0;
        while (i < n && j < m)
        {
            long fi = (i + 1) * m, gj = (j + 1) * n;
            long next = Math.Min(fi, gj);
            sum.Add((next - cur) / den * Power(Math.Abs(x[i] - y[j]), p));
            cur = next;
            if (fi == next) i++;
            if (gj == next) j++;
        }
        return sum.Value;
    }

    /// <summary>General weights: breakpoints F(xᵢ) = Σ_{k≤i} w_k / Σw, exactly 1 at the last atom of each side.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double SweepWeighted(double[] x, double[]? wx, double[] y, double[]? wy, double p)
    {
        double[] f = Cdf(wx, x.Length), g = Cdf(wy, y.Length);
        var sum = new CompensatedSum();
        double cur = 0;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            double next = Math.Min(f[i], g[j]);
            double width = next - cur;
            if (width > 0) sum.Add(width * Power(Math.Abs(x[i] - y[j]), p));
            cur = Math.Max(cur, next);
            if (f[i] == next) i++;
            if (g[j] == next) j++;
        }
        return sum.Value;
    }

    private static double[] Cdf(double[]? w, int n)
    {
        var f = new double[n];
        if (w is null)
        {
            for (int k = 0; k < n; k++) f[k] = (k + 1) / (double)n;
            f[n - 1] = 1.0;
            return f;
        }
        double c = 0;
        for (int k = 0; k < n; k++)
        {
            c += w[k];
            f[k] = c;
        }
        for (int k = 0; k < n; k++) f[k] /= c; // f[n−1] = c/c = 1 exactly
        return f;
    }
}
