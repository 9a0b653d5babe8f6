using Verify.Toys.Random;

namespace Verify.Toys.Numerics;

/// <summary>The result of <see cref="KMeans.Fit"/>: k centres (row-major), each point's centre, and each centre's share of the points.</summary>
/// <param name="Centres">k × d, row-major.</param>
/// <param name="Assignment">For each point, the index of its nearest centre.</param>
/// <param name="Weights">Share of the points assigned to each centre (sums to 1); a centre with no point has weight 0.</param>
/// <param name="Inertia">Σᵢ ‖xᵢ − c(xᵢ)‖² / n, the mean squared distance to the assigned centre.</param>
/// <param name="Iterations">Lloyd iterations run.</param>
public sealed record KMeansResult(double[] Centres, int[] Assignment, double[] Weights, double Inertia, int Iterations);

/// <summary>
/// k-means clustering (Lloyd 1982) with k-means++ seeding (Arthur &amp; Vassilvitskii 2007), deterministic for a seed:
/// minimises the mean squared Euclidean distance of the points to their nearest centre. Iterates until no assignment
/// changes or <c>maxIterations</c>.
/// </summary>
public static class KMeans
{
    /// <summary>Clusters the <c>points.Length / dimension</c> rows of <paramref name="points"/> into <paramref name="k"/> centres.</summary>
    public static KMeansResult Fit(ReadOnlySpan<double> points, int dimension, int k, long seed, int maxIterations = 100)
    {
        if (dimension < 1 || points.Length == 0 || points.Length % dimension != 0)
            throw new ArgumentException($"{points.Length} coordinates do not form a non-empty set of points of dimension {dimension}", nameof(points));
        int n = points.Length / dimension, d = dimension;
        if (k < 1 || k > n) throw new ArgumentException($"k must lie in [1, {n}] for {n} points, got {k}", nameof(k));
        if (maxIterations < 1) throw new ArgumentException($"maxIterations must be at least 1, got {maxIterations}", nameof(maxIterations));
        for (int i = 0; i < points.Length; i++)
            if (!double.IsFinite(points[i])) throw new ArgumentException($"point {i / d}, coordinate {i % d} is {points[i]}; coordinates must be finite", nameof(points));
        double[] x = points.ToArray();
        var rng = new Xoshiro256StarStar(seed);
        double[] c = SeedPlusPlus(x, n, d, k, rng);
        int[] assign = new int[n];
        Array.Fill(assign, -1);
        int it = 0;
        bool changed = true;
        while (changed && it < maxIterations)
        {
            it++;
            changed = false;
            for (int i = 0; i < n; i++)
            {
                int best = Nearest(x.AsSpan(i * d, d), c, k, d, out _);
                if (best != assign[i]) { assign[i] = best; changed = true; }
            }
            var sums = new double[k * d];
            var counts = new int[k];
            for (int i = 0; i < n; i++)
            {
                counts[assign[i]]++;
                for (int j = 0; j < d; j++) sums[assign[i] * d + j] += x[i * d + j];
            }
            for (int a = 0; a < k; a++)
                if (counts[a] > 0)
                    for (int j = 0; j < d; j++) c[a * d + j] = sums[a * d + j] / counts[a];
        }
        double inertia = 0;
        var weights = new double[k];
        for (int i = 0; i < n; i++)
        {
            assign[i] = Nearest(x.AsSpan(i * d, d), c, k, d, out double dist2);
            inertia += dist2;
            weights[assign[i]] += 1.0 / n;
        }
        return new KMeansResult(c, assign, weights, inertia / n, it);
    }

    private static double[] SeedPlusPlus(double[] x, int n, int d, int k, Xoshiro256StarStar rng)
    {
        var c = new double[k * d];
        int first = rng.NextInt(n);
        Array.Copy(x, first * d, c, 0, d);
        var dist = new double[n];
        for (int i = 0; i < n; i++) dist[i] = Squared(x.AsSpan(i * d, d), c.AsSpan(0, d));
        for (int a = 1; a < k; a++)
        {
            double total = dist.Sum();
            int pick;
            if (!(total > 0)) pick = rng.NextInt(n); // every point already sits on a centre
            else
            {
                double u = rng.NextDouble() * total, s = 0;
                pick = n - 1;
                for (int i = 0; i < n; i++) { s += dist[i]; if (s > u) { pick = i; break; } }
            }
            Array.Copy(x, pick * d, c, a * d, d);
            for (int i = 0; i < n; i++) dist[i] = Math.Min(dist[i], Squared(x.AsSpan(i * d, d), c.AsSpan(a * d, d)));
        }
        return c;
    }

    private static int Nearest(ReadOnlySpan<double> p, double[] c, int k, int d, out double best2)
    {
        int best = 0;
        best2 = double.PositiveInfinity;
        for (int a = 0; a < k; a++)
        {
            double s = Squared(p, c.AsSpan(a * d, d));
            if (s < best2) { best2 = s; best = a; }
        }
        return best;
    }

    private static double Squared(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int j = 0; j < a.Length; j++) { double t = a[j] - b[j]; s += t * t; }
        return s;
    }
}
