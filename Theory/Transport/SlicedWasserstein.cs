namespace Verify.Theory;

/// <summary>
/// Sliced W₁: SW₁(P, Q) = E_θ W₁(θ#P, θ#Q), θ uniform on the unit sphere S^{d−1}, estimated by the mean over
/// L seeded directions (Gaussian vectors from <see cref="Random"/>(seed) by Box–Muller, normalised).
/// Each slice is the exact 1-D W₁ of the projections ⟨θ, xᵢ⟩.
/// </summary>
internal static class SlicedWasserstein
{
    public static double W1(DiscreteDistribution p, DiscreteDistribution q, int directions, int seed)
    {
        int d = p.Dimension;
        double[][] thetas = Directions(d, directions, seed);
        double mass = p.TotalMass;
        double[] wp = p.Weights.ToArray(), wq = q.Weights.ToArray();
        double[] xs = p.Points.ToArray(), ys = q.Points.ToArray();
        bool up = p.IsUniform, uq = q.IsUniform;
        var slices = new double[directions];
        Parallel.For(0, directions, l =>
        {
            double[] theta = thetas[l];
            double[] px = Project(xs, d, theta), py = Project(ys, d, theta);
            slices[l] = OneDimensional.Wp(px, py, 1.0, wp, wq, up, uq);
        });
        double s = 0;
        foreach (double w in slices) s += w;
        return mass * s / directions;
    }

    /// <summary>L unit vectors uniform on S^{d−1}, reproducible from the seed.</summary>
    public static double[][] Directions(int d, int count, int seed)
    {
        var rng = new Random(seed);
        var result = new double[count][];
        for (int l = 0; l < count; l++)
        {
            var theta = new double[d];
            double norm2;
            do
            {
                norm2 = 0;
                for (int k = 0; k < d; k++)
                {
                    double r1 = 1.0 - rng.NextDouble(); // (0, 1]
                    double r2 = rng.NextDouble();
                    theta[k] = Math.Sqrt(-2.0 * Math.Log(r1)) * Math.Cos(2.0 * Math.PI * r2);
                    norm2 += theta[k] * theta[k];
                }
            } while (!(norm2 > 0));
            double inv = 1.0 / Math.Sqrt(norm2);
            for (int k = 0; k < d; k++) theta[k] *= inv;
            result[l] = theta;
        }
        return result;
    }

    private static double[] Project(double[] points, int d, double[] theta)
    {
        int n = points.Length / d;
        var r = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int k = 0; k < d; k++) s += points[i * d + k] * theta[k];
            r[i] = s;
        }
        return r;
    }
}
