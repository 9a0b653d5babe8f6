using Verify.Properties.Catalogue;
using Verify.Theory;
using Verify.Toys.Random;

namespace Verify.Properties.Metrics;

/// <summary>
/// <c>w1.sample-rate</c>: the W₁ between two independent n-samples of the same law falls like n^(−1/2) in one dimension and
/// like n^(−1/d) for d ≥ 3 (Fournier &amp; Guillin 2015, Theorem 1, for laws with enough moments; the matching lower bound
/// holds for laws with a density). Checked on the uniform law on [0, 1] and on the cube [0, 1]³: at each size n_k the mean
/// m_k of W₁ over R_k independent pairs of samples (exact W₁: the sorted route in 1-D, the certified network simplex in
/// 3-D); the log–log least-squares slope b̂ = Σ w_k log m_k, w_k = (ℓ_k − ℓ̄)/Σ(ℓ − ℓ̄)², ℓ_k = log n_k, must lie within
/// ε of −1/d.
/// <para>
/// (ε, δ): moving one of the 2n_kR_k points moves m_k by at most D/(n_kR_k) (D the diameter of the support), so by
/// McDiarmid's inequality |m_k − E m_k| ≤ t_k = D·√(ln(2K/δ)/(n_kR_k)) for all K sizes of both laws at once with
/// probability ≥ 1 − δ, δ = 10⁻³. Then |log m_k − log E m_k| ≤ ρ_k = ln(m_k/(m_k − t_k)) and the slope of the expectations
/// is within ε_stat = Σ|w_k|ρ_k of b̂. ε = ε_stat + ε_model, ε_model = 0.05 for the finite-n curvature of log E W₁ over the
/// sizes used (measured slopes with many more repetitions: −0.496 in 1-D over 16…1024, −0.331 in 3-D over 16…128).
/// </para>
/// </summary>
public static class W1SampleRate
{
    /// <summary>The claim's id.</summary>
    public const string Id = "w1.sample-rate";

    /// <summary>δ: probability that the check fails although the rates hold.</summary>
    public const double Delta = 1e-3;

    /// <summary>Allowance for the finite-n curvature of log E W₁ between the sizes used.</summary>
    public const double ModelEpsilon = 0.05;

    /// <summary>Sizes and repetitions for one law.</summary>
    public sealed record Design(int Dimension, int[] Sizes, int[] Repetitions);

    /// <summary>1-D: sizes 16…1024 (quick) or 16…4096 (full). 3-D: sizes 16…128 (quick) or 16…1024 (full; only there is ε small enough to tell −1/3 from −1/2).</summary>
    public static (Design OneD, Design ThreeD) Designs(ClaimScale scale) => scale == ClaimScale.Full
        ? (new Design(1, [16, 64, 256, 1024, 4096], [4000, 4000, 4000, 4000, 4000]), new Design(3, [16, 64, 256, 1024], [4096, 1024, 256, 192]))
        : (new Design(1, [16, 64, 256, 1024], [1500, 1500, 1500, 1500]), new Design(3, [16, 32, 64, 128], [2048, 1024, 512, 384]));

    /// <summary>The catalogue entry.</summary>
    public static Claim Claim { get; } = new(
        Id,
        "the W1 between two samples of the same law falls like n^(−1/2) in 1-D and like n^(−1/d) for d ≥ 3 (fit the slope on log–log)",
        "Fournier & Guillin, On the rate of convergence in Wasserstein distance of the empirical measure, PTRF 162 (2015), Theorem 1",
        ClaimKind.Statistical,
        $"ε = ε_stat + {ModelEpsilon} on the slope: ε_stat from McDiarmid's inequality at δ = {Delta:0e0} (union over sizes and laws), computed from the run; {ModelEpsilon} for the curvature of log E W1 at these finite n",
        (s, seed) => Run(s, seed, shift: 0.0),
        "the second sample of each pair drawn from the law shifted by ½ in every coordinate (not the same law: W1 tends to a positive limit)",
        (s, seed) => Run(s, seed, shift: 0.5),
        defaultSeed: 1,
        bound: new StatisticalBound($"ε_stat (McDiarmid, computed from the run) + {ModelEpsilon} (finite-n curvature)", Delta));

    /// <summary>The check; the second sample of each pair is shifted by <paramref name="shift"/> in every coordinate.</summary>
    public static Finding Run(ClaimScale scale, long seed, double shift)
    {
        var (oneD, threeD) = Designs(scale);
        int sizes = oneD.Sizes.Length + threeD.Sizes.Length;
        var rng = new Xoshiro256StarStar(seed);
        var (b1, e1) = Slope(oneD, rng, shift, sizes);
        var (b3, e3) = Slope(threeD, rng, shift, sizes);
        return new Finding(
        [
            Condition.Equal("log–log slope of mean W1, uniform on [0,1]", b1, -0.5, e1 + ModelEpsilon),
            Condition.Equal("log–log slope of mean W1, uniform on [0,1]³", b3, -1.0 / 3.0, e3 + ModelEpsilon),
        ], sizes)
        { Epsilon = Math.Max(e1, e3) + ModelEpsilon };
    }

    /// <summary>The fitted slope and ε_stat for one law (the union bound runs over <paramref name="totalSizes"/> sizes).</summary>
    public static (double Slope, double EpsilonStat) Slope(Design design, Xoshiro256StarStar rng, double shift, int totalSizes)
    {
        int d = design.Dimension, k = design.Sizes.Length;
        double diameter = Math.Sqrt(d) * (1 + shift); // the support of both laws lies in a cube of side 1 + shift
        var logN = new double[k];
        var logM = new double[k];
        var rho = new double[k];
        for (int s = 0; s < k; s++)
        {
            int n = design.Sizes[s], reps = design.Repetitions[s];
            double sum = 0;
            for (int r = 0; r < reps; r++) sum += PairW1(rng, n, d, shift);
            double m = sum / reps;
            double t = diameter * Math.Sqrt(Math.Log(2.0 * totalSizes / Delta) / ((double)n * reps));
            logN[s] = Math.Log(n);
            logM[s] = Math.Log(m);
            rho[s] = m > t ? Math.Log(m / (m - t)) : double.PositiveInfinity;
        }
        double meanL = logN.Average(), sxx = logN.Sum(l => (l - meanL) * (l - meanL));
        double slope = 0, eps = 0;
        for (int s = 0; s < k; s++)
        {
            double w = (logN[s] - meanL) / sxx;
            slope += w * logM[s];
            eps += Math.Abs(w) * rho[s];
        }
        return (slope, eps);
    }

    private static double PairW1(Xoshiro256StarStar rng, int n, int d, double shift)
    {
        var a = new double[n * d];
        var b = new double[n * d];
        for (int i = 0; i < a.Length; i++) a[i] = rng.NextDouble();
        for (int i = 0; i < b.Length; i++) b[i] = shift + rng.NextDouble();
        return d == 1 ? Transport.W1OneD(a, b) : Transport.W1(new DiscreteDistribution(a, d), new DiscreteDistribution(b, d));
    }
}
