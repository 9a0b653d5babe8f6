namespace Verify.Toys.Modes;

/// <summary>The outcome of <see cref="ModeCoverage.Evaluate"/>.</summary>
/// <param name="ModesHit">Modes with at least the required number of high-quality samples.</param>
/// <param name="ModeCount">Number of declared modes.</param>
/// <param name="HighQuality">Samples within k·σ of their nearest mode.</param>
/// <param name="Total">Number of samples.</param>
/// <param name="CountsPerMode">High-quality samples per mode, in the order of the declared modes.</param>
public sealed record ModeCoverageResult(int ModesHit, int ModeCount, int HighQuality, int Total, int[] CountsPerMode)
{
    /// <summary>HighQuality / Total.</summary>
    public double HighQualityFraction => (double)HighQuality / Total;
}

/// <summary>
/// Mode coverage of generated samples against declared modes, as used for the 8/25-Gaussian toys (e.g. VEEGAN,
/// Srivastava et al. 2017; PacGAN, Lin et al. 2018): each sample is assigned to its nearest mode centre (Euclidean);
/// it is "high quality" when ‖x − μ‖ ≤ k·σ of that mode (k = 3 by default); a mode is "hit" when it has at least
/// <c>minimumCount</c> high-quality samples. For an exact sample of an isotropic 2-D Gaussian mode, the fraction within
/// 3σ is 1 − e^{−9/2} ≈ 0.9889 (the radius is Rayleigh distributed).
/// </summary>
public static class ModeCoverage
{
    /// <summary>Evaluates n row-major points of dimension d against <paramref name="modes"/>.</summary>
    public static ModeCoverageResult Evaluate(ReadOnlySpan<double> points, int dimension, IReadOnlyList<Mode> modes,
        double sigmas = 3.0, int minimumCount = 1)
    {
        ArgumentNullException.ThrowIfNull(modes);
        if (modes.Count == 0) throw new ArgumentException("no modes given", nameof(modes));
        if (dimension < 1) throw new ArgumentException($"dimension must be at least 1, got {dimension}", nameof(dimension));
        if (points.Length == 0 || points.Length % dimension != 0)
            throw new ArgumentException($"{points.Length} coordinates do not form a non-empty set of points of dimension {dimension}", nameof(points));
        if (!(sigmas > 0) || double.IsInfinity(sigmas)) throw new ArgumentException($"sigmas must be positive and finite, got {sigmas:R}", nameof(sigmas));
        if (minimumCount < 1) throw new ArgumentException($"minimumCount must be at least 1, got {minimumCount}", nameof(minimumCount));
        for (int m = 0; m < modes.Count; m++)
            if (modes[m].Centre.Length != dimension)
                throw new ArgumentException($"mode {m} has {modes[m].Centre.Length} coordinates, the points have {dimension}", nameof(modes));

        int n = points.Length / dimension;
        var counts = new int[modes.Count];
        int high = 0;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> x = points.Slice(i * dimension, dimension);
            int best = -1;
            double bestD2 = double.PositiveInfinity;
            for (int m = 0; m < modes.Count; m++)
            {
                double d2 = 0;
                for (int k = 0; k < dimension; k++)
                {
                    double diff = x[k] - modes[m].Centre[k];
                    d2 += diff * diff;
                }
                if (d2 < bestD2) { bestD2 = d2; best = m; }
            }
            double r = sigmas * modes[best].Sigma;
            if (bestD2 <= r * r)
            {
                counts[best]++;
                high++;
            }
        }
        int hit = counts.Count(c => c >= minimumCount);
        return new ModeCoverageResult(hit, modes.Count, high, n, counts);
    }
}
