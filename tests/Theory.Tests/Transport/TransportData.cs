using Verify.Theory;

namespace Verify.Theory.Tests.Transport;

/// <summary>Seeded test problems shared by the transport test classes.</summary>
internal static class TransportData
{
    public static DiscreteDistribution Cloud(int n, int d, int seed, double shift = 0, bool weighted = false)
    {
        var rng = new Random(seed);
        var pts = new double[n * d];
        for (int k = 0; k < pts.Length; k++) pts[k] = Gaussian(rng) + shift;
        double[]? w = null;
        if (weighted)
        {
            w = new double[n];
            for (int i = 0; i < n; i++) w[i] = 0.1 + rng.NextDouble();
        }
        return new DiscreteDistribution(pts, d, w);
    }

    public static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>Two random mass vectors with equal totals (b rescaled to a's total).</summary>
    public static (double[] A, double[] B) Masses(int n, int m, int seed, bool withZeros = false)
    {
        var rng = new Random(seed);
        var a = new double[n];
        var b = new double[m];
        for (int i = 0; i < n; i++) a[i] = withZeros && rng.Next(4) == 0 ? 0 : rng.NextDouble() + 0.05;
        for (int j = 0; j < m; j++) b[j] = withZeros && rng.Next(4) == 0 ? 0 : rng.NextDouble() + 0.05;
        if (a.Sum() == 0) a[0] = 1;
        if (b.Sum() == 0) b[0] = 1;
        double sa = a.Sum(), sb = b.Sum();
        for (int j = 0; j < m; j++) b[j] *= sa / sb;
        return (a, b);
    }

    public static double[,] RandomCost(int n, int m, int seed, bool integer = false)
    {
        var rng = new Random(seed);
        var c = new double[n, m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
                c[i, j] = integer ? rng.Next(0, 5) : rng.NextDouble() * 10;
        return c;
    }

    /// <summary>min over permutations σ of (1/n)Σ c[i, σ(i)]: the exact optimum for uniform equal-size problems.</summary>
    public static double BruteForceAssignment(double[,] c)
    {
        int n = c.GetLength(0);
        var perm = Enumerable.Range(0, n).ToArray();
        double best = double.PositiveInfinity;
        void Recurse(int k, double acc)
        {
            if (acc >= best) return;
            if (k == n) { best = acc; return; }
            for (int t = k; t < n; t++)
            {
                (perm[k], perm[t]) = (perm[t], perm[k]);
                Recurse(k + 1, acc + c[k, perm[k]]);
                (perm[k], perm[t]) = (perm[t], perm[k]);
            }
        }
        Recurse(0, 0);
        return best / n;
    }

    /// <summary>
    /// min over permutations σ of (1/n)·Σ c[i, σ(i)] by visiting every permutation (no pruning, so negative costs are
    /// fine; a permutation through +∞ costs +∞), each sum in double-double.
    /// </summary>
    public static double ExhaustiveAssignment(double[,] c)
    {
        int n = c.GetLength(0);
        var perm = Enumerable.Range(0, n).ToArray();
        double best = double.PositiveInfinity;
        void Recurse(int k)
        {
            if (k == n)
            {
                double hi = 0, lo = 0;
                for (int i = 0; i < n; i++)
                {
                    double x = c[i, perm[i]], s = hi + x, bb = s - hi;
                    lo += (hi - (s - bb)) + (x - bb);
                    hi = s;
                }
                double v = double.IsInfinity(hi) ? hi : (hi + lo) / n;
                if (v < best) best = v;
                return;
            }
            for (int t = k; t < n; t++)
            {
                (perm[k], perm[t]) = (perm[t], perm[k]);
                Recurse(k + 1);
                (perm[k], perm[t]) = (perm[t], perm[k]);
            }
        }
        Recurse(0);
        return best;
    }

    public static double[] Uniform(int n) => Enumerable.Repeat(1.0 / n, n).ToArray();

    /// <summary>
    /// Weak duality from scratch, for uniform masses aᵢ = 1/n, bⱼ = 1/m: for the result's potentials, checks uᵢ + vⱼ ≤ cᵢⱼ on every pair and returns the dual
    /// value Σaᵢuᵢ + Σbⱼvⱼ (a lower bound on every plan's cost), computed independently of the library's certificate.
    /// </summary>
    public static double BruteForceLowerBoundCheck(double[,] c, TransportResult r)
    {
        int n = c.GetLength(0), m = c.GetLength(1);
        double scale = 0;
        foreach (double x in c) scale = Math.Max(scale, Math.Abs(x));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
                if (r.U[i] + r.V[j] > c[i, j] + 1e-12 * scale)
                    throw new Xunit.Sdk.XunitException($"u[{i}] + v[{j}] = {r.U[i] + r.V[j]:R} exceeds c = {c[i, j]:R}");
        double dual = 0;
        for (int i = 0; i < n; i++) dual += r.U[i] / n;
        for (int j = 0; j < m; j++) dual += r.V[j] / m;
        return dual;
    }
}
