using FsCheck;
using FsCheck.Fluent;
using Verify.Properties.Catalogue;
using Verify.Properties.Checks;
using Verify.Theory;
using Verify.Toys;

namespace Verify.Properties.Lines;

/// <summary>
/// <c>parallel-lines.values</c>: for the parallel lines P₀ = law of (0, Z), P_θ = law of (θ, Z), Z ~ U[0, 1] (WGAN
/// paper, Example 1), at FsCheck-drawn θ ≠ 0: W₁ = |θ|, JS = log 2, KL = +∞ both ways and TV = 1 — measured on samples
/// drawn with common noise (the same zᵢ for both lines), by Theory's exact transport and divergences, against the
/// closed forms (<see cref="ClosedForms"/>). With common noise the sample W₁ is exactly |θ|: the first coordinate alone
/// needs |θ|, and moving each point horizontally costs exactly that.
/// </summary>
public static class ParallelLinesValues
{
    /// <summary>The claim's id.</summary>
    public const string Id = "parallel-lines.values";

    /// <summary>Relative tolerance of W₁ (and absolute of JS, TV in their units): rounding in the solver's sums.</summary>
    public const double Tolerance = 1e-12;

    /// <summary>θ, the number of points and the seed of the common noise.</summary>
    public sealed record Case(double Theta, int N, long Seed)
    {
        /// <inheritdoc/>
        public override string ToString() => $"θ = {Describe.Number(Theta)}, n = {N}, noise seed {Seed}";
    }

    /// <summary>θ = ±10^u, u ∈ [−3, 1]; n = 1 … 32 (quick) or 1 … 128 (full); a seed in [0, 10⁶].</summary>
    public static Gen<Case> Generator(ClaimScale scale) =>
        from theta in Generators.SignedLogUniform(-3, 1)
        from n in Gen.Choose(1, scale.Pick(32, 128))
        from seed in Gen.Choose(0, 1_000_000)
        select new Case(theta, n, seed);

    /// <summary>The check on the samples as drawn.</summary>
    public static CaseCheck<Case> Check { get; } =
        new(Generator, s => s.Pick(60, 400), c => Conditions(c, Samples(c)));

    /// <summary>The falsification: the samples rounded to the integer grid first (a histogram with bins of width 1).</summary>
    public static CaseCheck<Case> Falsification { get; } =
        Check.With(c => Conditions(c, Rounded(Samples(c))));

    /// <summary>The catalogue entry.</summary>
    public static Claim Claim { get; } = new(
        Id,
        "W1 = |θ|, JS = log 2, KL = +∞, TV = 1 for θ ≠ 0, at FsCheck-drawn θ",
        "Arjovsky, Chintala & Bottou, Wasserstein GAN (2017), Example 1",
        ClaimKind.Exact,
        $"W1 to {Tolerance:0e0}·|θ| and JS, TV to {Tolerance:0e0}: exact transport and atom-matched divergences on samples with common noise are exact up to rounding; KL must be exactly +∞",
        (s, seed) => Check.Run(s, seed, Id),
        "the samples rounded to the integer grid before comparing (a histogram with bins of width 1), which merges the lines when |θ| < ½",
        (s, seed) => Falsification.Run(s, seed, Id));

    /// <summary>(P₀, P_θ) samples with common noise.</summary>
    public static (DiscreteDistribution P0, DiscreteDistribution PTheta) Samples(Case c)
    {
        var family = ToyFamilies.ParallelLines();
        return (family.At(0).Sample(c.N, c.Seed), family.At(c.Theta).Sample(c.N, c.Seed));
    }

    /// <summary>The conditions on two laws claimed to be samples of P₀ and P_θ.</summary>
    public static IReadOnlyList<Condition> Conditions(Case c, (DiscreteDistribution P0, DiscreteDistribution PTheta) laws)
    {
        var (p, q) = laws;
        double theta = c.Theta;
        var (kl, klReverse) = Divergences.KLBoth(p, q);
        return
        [
            Condition.Equal("W1/|θ|", Transport.W1(p, q) / Math.Abs(theta), ClosedForms.ParallelLinesW1(theta) / Math.Abs(theta), Tolerance),
            Condition.Equal("JS (nats)", Divergences.JS(p, q), ClosedForms.ParallelLinesJS(theta), Tolerance),
            Condition.Equal("KL(P0‖Pθ)", kl, ClosedForms.ParallelLinesKL(theta), 0.0),
            Condition.Equal("KL(Pθ‖P0)", klReverse, ClosedForms.ParallelLinesKL(theta), 0.0),
            Condition.Equal("TV", Divergences.TV(p, q), ClosedForms.ParallelLinesTV(theta), Tolerance),
        ];
    }

    /// <summary>Both laws with every coordinate rounded to the nearest integer.</summary>
    public static (DiscreteDistribution, DiscreteDistribution) Rounded((DiscreteDistribution P0, DiscreteDistribution PTheta) laws)
    {
        static DiscreteDistribution Round(DiscreteDistribution d) =>
            new(d.Points.ToArray().Select(x => Math.Round(x)).ToArray(), d.Dimension, d.Weights.ToArray());
        return (Round(laws.P0), Round(laws.PTheta));
    }
}
