using FsCheck;
using FsCheck.Fluent;
using Verify.Properties.Catalogue;
using Verify.Properties.Checks;
using Verify.Theory;
using Verify.Toys;
using Verify.Toys.Families;

namespace Verify.Properties.Duality;

/// <summary>
/// <c>envelope.gradient</c>: ∇_θ W₁(P_r, P_θ) = −E_z[∇f*(G_θ(z))·∂_θG_θ(z)] (WGAN, Theorem 3), where f* is the optimal
/// critic. Checked on samples: P_r is n points of the reference law, P_θ the n points G_θ(zᵢ) with their tangents ∂_θG;
/// f* is the c-transform of the exact dual potential u, f*(y) = maxᵢ (uᵢ − ‖xᵢ − y‖), whose gradient at y is
/// −(y − x_{i*})/‖y − x_{i*}‖ for the maximising i*. The envelope derivative must equal the central finite-difference
/// slope of the exact sample W₁ in θ with the noise held fixed — on the parallel lines (2-D) and on the Gaussian
/// location family N(θ, 1) (1-D).
/// </summary>
public static class EnvelopeGradient
{
    /// <summary>The claim's id.</summary>
    public const string Id = "envelope.gradient";

    /// <summary>Step of the central difference.</summary>
    public const double Step = 1e-6;

    /// <summary>Absolute tolerance on the slope (slopes are at most 1 in size).</summary>
    public const double Tolerance = 1e-6;

    /// <summary>A family, the reference θ₀, the generator's θ, n and the two noise seeds.</summary>
    public sealed record Case(string Family, double Theta0, double Theta, int N, long SeedReal, long SeedGenerated)
    {
        /// <inheritdoc/>
        public override string ToString() =>
            $"{Family}: θ₀ = {Describe.Number(Theta0)}, θ = {Describe.Number(Theta)}, n = {N}, seeds {SeedReal}/{SeedGenerated}";

        /// <summary>The family.</summary>
        public IToyFamily Toy => Family == "parallel-lines" ? ToyFamilies.ParallelLines() : ToyFamilies.GaussianLocation();
    }

    /// <summary>Parallel lines (θ₀ = 0, θ = ±10^u, u ∈ [−1, ½]) or Gaussian location (θ₀ = 0, θ ∈ ±[0.1, 3]); n = 2 … 16 (quick) or 48 (full).</summary>
    public static Gen<Case> Generator(ClaimScale scale) =>
        from family in Gen.Elements("parallel-lines", "gaussian-location")
        from lines in Generators.SignedLogUniform(-1, 0.5)
        from gauss in Generators.OnGrid(10, 300, 0.01)
        from sign in Gen.Elements(-1.0, 1.0)
        from n in Gen.Choose(2, scale.Pick(16, 48))
        from a in Gen.Choose(0, 1_000_000)
        from b in Gen.Choose(0, 1_000_000)
        select new Case(family, 0.0, family == "parallel-lines" ? lines : sign * gauss, n, a, b + 1_000_001);

    /// <summary>The check with the generator's true tangents.</summary>
    public static CaseCheck<Case> Check { get; } =
        new(Generator, s => s.Pick(60, 400), c => Conditions(c, 1.0));

    /// <summary>The falsification: the tangents ∂_θG scaled by 1.1 (a generator whose θ-derivative is off by 10%).</summary>
    public static CaseCheck<Case> Falsification { get; } =
        Check.With(c => Conditions(c, 1.1));

    /// <summary>The catalogue entry.</summary>
    public static Claim Claim { get; } = new(
        Id,
        "∇θ W1 = −E[∇θ f*(G_θ(z))] matches the finite-difference slope of the exact W1, on parallel lines and Gaussian location",
        "Arjovsky, Chintala & Bottou, Wasserstein GAN (2017), Theorem 3",
        ClaimKind.Exact,
        $"{Tolerance:0e0} absolute on slopes of size ≤ 1: a central difference with h = {Step:0e0} (curvature error O(h²), rounding of W1 over h about 1e-10), where the sample W1 is smooth",
        (s, seed) => Check.Run(s, seed, Id),
        "a generator whose θ-derivative is off by 10% (the tangents ∂θG scaled by 1.1)",
        (s, seed) => Falsification.Run(s, seed, Id));

    /// <summary>The envelope derivative (with tangents scaled by <paramref name="tangentScale"/>) against the finite difference.</summary>
    public static IReadOnlyList<Condition> Conditions(Case c, double tangentScale)
    {
        IToyFamily family = c.Toy;
        DiscreteDistribution real = family.At(c.Theta0).Sample(c.N, c.SeedReal);
        double W(double theta) => Transport.W1(real, family.At(theta).Sample(c.N, c.SeedGenerated));
        double fd = (W(c.Theta + Step) - W(c.Theta - Step)) / (2 * Step);
        TangentSample g = family.SampleWithTangent(c.N, c.Theta, c.SeedGenerated);
        double envelope = Envelope(real, g, tangentScale);
        return [Condition.Equal("envelope −E[∇f*(G)·∂θG] − finite-difference slope of W1", envelope - fd, 0.0, Tolerance)];
    }

    /// <summary>
    /// −(1/n)Σⱼ ∇f*(yⱼ)·tⱼ with f* the c-transform of the exact dual potential u of (real, generated):
    /// f*(y) = maxᵢ (uᵢ − ‖xᵢ − y‖), so ∇f*(yⱼ) = −(yⱼ − xᵢ)/‖yⱼ − xᵢ‖ for a maximising i. Every i to which the optimal plan
    /// sends mass from yⱼ maximises (complementary slackness); on samples the basis is degenerate, so other i can tie with
    /// zero mass, and the branches carrying yⱼ's mass are the ones taken (their γ-weighted mean) — the one-sided derivative
    /// along which W₁ moves.
    /// </summary>
    public static double Envelope(DiscreteDistribution real, TangentSample generated, double tangentScale = 1.0)
    {
        DiscreteDistribution gen = generated.ToDistribution();
        TransportResult r = Transport.Solve(real, gen, GroundCost.Euclidean);
        int d = real.Dimension;
        double total = 0;
        foreach (var (i, j, mass) in r.Plan)
        {
            ReadOnlySpan<double> x = real.Point(i), y = gen.Point(j);
            double dist = Geometry.Distance(x, y);
            if (dist == 0) continue; // f* is not differentiable on supp P_r; such a θ has measure zero
            for (int k = 0; k < d; k++)
                total += mass * (y[k] - x[k]) / dist * tangentScale * generated.Tangents[j * d + k]; // −∇f*(y) = (y − x)/‖y − x‖
        }
        return total / gen.TotalMass;
    }
}
