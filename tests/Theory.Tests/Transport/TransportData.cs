using Ot = Verify.Theory.Transport;
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

    public static double[] Uniform(int n) => Enumerable.Repeat(1.0 / n, n).ToArray();
}
