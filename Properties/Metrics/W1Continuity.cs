using FsCheck;
using FsCheck.Fluent;
using Verify.Properties.Catalogue;
using Verify.Properties.Checks;
using Verify.Theory;
using Verify.Toys;
using Verify.Toys.Families;

namespace Verify.Properties.Metrics;

/// <summary>
/// <c>w1.continuity</c>: for a reparameterised family P_θ = law of G_θ(z),
/// |W₁(P_r, P_θ) − W₁(P_r, P_θ′)| ≤ W₁(P_θ, P_θ′) ≤ E‖G_θ(z) − G_θ′(z)‖ (WGAN, Theorem 1's proof: the triangle
/// inequality, then the coupling (G_θ(z), G_θ′(z))). Checked on empirical laws with common noise, where both inequalities
/// hold exactly: the first is the triangle inequality for the empirical laws, the second because pairing the points of
/// the same zᵢ is a feasible plan. Families: parallel lines, Gaussian location and scale, the uniform square, and the
/// 8-Gaussians "fixed generator" real + θ·N(0, I).
/// </summary>
public static class W1Continuity
{
    /// <summary>The claim's id.</summary>
    public const string Id = "w1.continuity";

    /// <summary>Relative tolerance (to the diameter of the three samples).</summary>
    public const double Tolerance = 1e-12;

    private static readonly string[] Families = ["parallel-lines", "gaussian-location", "gaussian-scale", "uniform-square", "8gaussians-fixed-generator"];

    /// <summary>A family, the reference θ_r, two parameters θ, θ′, n and the noise seeds.</summary>
    public sealed record Case(string Family, double ThetaReal, double Theta, double ThetaPrime, int N, long SeedReal, long SeedGenerated)
    {
        /// <inheritdoc/>
        public override string ToString() =>
            $"{Family}: θ_r = {Describe.Number(ThetaReal)}, θ = {Describe.Number(Theta)}, θ′ = {Describe.Number(ThetaPrime)}, n = {N}, seeds {SeedReal}/{SeedGenerated}";
    }

    /// <summary>θs on the grid 1/8 in (0, 3] (positive, so that every family accepts them); n = 1 … 24 (quick) or 64 (full).</summary>
    public static Gen<Case> Generator(ClaimScale scale) =>
        from family in Gen.Elements(Families)
        from thetas in Generators.OnGrid(1, 24, 0.125).ArrayOf(3)
        from n in Gen.Choose(1, scale.Pick(24, 64))
        from a in Gen.Choose(0, 1_000_000)
        from b in Gen.Choose(0, 1_000_000)
        select new Case(family, thetas[0], thetas[1], thetas[2], n, a, b + 1_000_001);

    /// <summary>The check with W₁.</summary>
    public static CaseCheck<Case> Check { get; } =
        new(Generator, s => s.Pick(60, 400), c => Conditions(c, Transport.W1));

    /// <summary>The falsification: W₂² (squared-cost transport) in place of W₁.</summary>
    public static CaseCheck<Case> Falsification { get; } =
        Check.With(c => Conditions(c, (p, q) => Transport.Solve(p, q, GroundCost.SquaredEuclidean).Cost));

    /// <summary>The catalogue entry.</summary>
    public static Claim Claim { get; } = new(
        Id,
        "|W1(P_r, P_θ) − W1(P_r, P_θ′)| ≤ W1(P_θ, P_θ′) ≤ E‖G_θ(z) − G_θ′(z)‖, on reparameterised families",
        "Arjovsky, Chintala & Bottou, Wasserstein GAN (2017), Theorem 1 and its proof",
        ClaimKind.Exact,
        $"{Tolerance:0e0} of the samples' diameter: both inequalities hold exactly for the empirical laws; the slack covers rounding",
        (s, seed) => Check.Run(s, seed, Id),
        "W2² (exact transport with the squared cost) in place of W1, which is neither a metric nor bounded by the mean displacement",
        (s, seed) => Falsification.Run(s, seed, Id));

    /// <summary>The two inequalities for a distance <paramref name="w"/>.</summary>
    public static IReadOnlyList<Condition> Conditions(Case c, Func<DiscreteDistribution, DiscreteDistribution, double> w)
    {
        IToyFamily family = ToyFamilies.Get(c.Family).Family!;
        DiscreteDistribution real = family.At(c.ThetaReal).Sample(c.N, c.SeedReal);
        TangentSample a = family.SampleWithTangent(c.N, c.Theta, c.SeedGenerated);
        TangentSample b = family.SampleWithTangent(c.N, c.ThetaPrime, c.SeedGenerated);
        DiscreteDistribution pa = a.ToDistribution(), pb = b.ToDistribution();
        int d = a.Dimension;
        double displacement = 0;
        for (int i = 0; i < c.N; i++) displacement += Geometry.Distance(a.Points.AsSpan(i * d, d), b.Points.AsSpan(i * d, d));
        displacement /= c.N;
        double diam = Geometry.Diameter(real, pa, pb);
        double scale = diam > 0 ? diam : 1.0;
        double between = w(pa, pb);
        return
        [
            Condition.AtMost("(|W(P_r, P_θ) − W(P_r, P_θ′)| − W(P_θ, P_θ′))/diam", (Math.Abs(w(real, pa) - w(real, pb)) - between) / scale, 0.0, Tolerance),
            Condition.AtMost("(W(P_θ, P_θ′) − E‖G_θ(z) − G_θ′(z)‖)/diam", (between - displacement) / scale, 0.0, Tolerance),
        ];
    }
}
