using Verify.TestSupport;
using Verify.Theory;
using Verify.Toys.Families;
using Verify.Toys.Modes;

namespace Verify.Toys.Tests.Support;

/// <summary>Distribution checks for the equal-weight isotropic 2-D mixtures (8 and 25 Gaussians).</summary>
internal static class ModeChecks
{
    /// <summary>
    /// (1) Mode frequencies: Hoeffding per mode with a union bound, |nₖ/n − 1/K| ≤ √(ln(2K/δ)/(2n)), δ = 1e-6.
    /// (2) Exact W₁ (Theory's solver) between the sample and the centres weighted by their nearest-sample counts equals
    /// the mean distance to the nearest centre (each point must travel at least that far, and sending every point to
    /// its nearest centre is a feasible plan for those weights). That mean is (when every point is nearest its own
    /// centre) the mean of n i.i.d. ‖σz‖, z ~ N(0, I₂), whose expectation is σ√(π/2) (Rayleigh); as a σ/√n-Lipschitz
    /// function of the Gaussian vector it deviates by more than t = σ√(2 ln(2/δ)/n) with probability ≤ δ = 1e-6.
    /// (3) High-quality fraction within 3σ: expectation 1 − e^{−9/2}, Hoeffding deviation √(ln(2/δ)/(2n)).
    /// </summary>
    public static void CheckEqualWeightMixture(GaussianMixture law, int n, long seed)
    {
        double[] pts = law.SamplePoints(n, seed);
        IReadOnlyList<Mode> modes = law.Modes;
        int k = modes.Count;
        double sigma = modes[0].Sigma;

        ModeCoverageResult cov = ModeCoverage.Evaluate(pts, 2, modes, 1e9);   // huge radius: every point counts, nearest mode
        Assert(cov.ModesHit == k, $"all {k} modes hit");
        double tk = Math.Sqrt(Math.Log(2.0 * k / 1e-6) / (2.0 * n));
        foreach (int c in cov.CountsPerMode) Tolerance.Close(1.0 / k, (double)c / n, 0, tk, "mode frequency (Hoeffding, δ = 1e-6)");

        var centres = new double[2 * k];
        for (int m = 0; m < k; m++) modes[m].Centre.CopyTo(centres, 2 * m);
        var weights = cov.CountsPerMode.Select(c => (double)c / n).ToArray();
        var sample = new DiscreteDistribution(pts, 2);
        double w1 = Transport.W1(sample, new DiscreteDistribution(centres, 2, weights));
        double t = sigma * Math.Sqrt(2 * Math.Log(2 / 1e-6) / n);
        Tolerance.Close(sigma * Math.Sqrt(Math.PI / 2), w1, 0, t, "W1(sample, centres weighted by counts) vs σ√(π/2) (δ = 1e-6)");

        ModeCoverageResult q = ModeCoverage.Evaluate(pts, 2, modes);
        double th = Math.Sqrt(Math.Log(2 / 1e-6) / (2.0 * n));
        Tolerance.Close(1 - Math.Exp(-4.5), q.HighQualityFraction, 0, th, "fraction within 3σ (Hoeffding, δ = 1e-6)");
    }

    private static void Assert(bool condition, string what)
    {
        if (!condition) throw new Xunit.Sdk.XunitException(what);
    }
}
