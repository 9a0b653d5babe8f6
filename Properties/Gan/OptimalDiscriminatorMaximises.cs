using FsCheck;
using FsCheck.Fluent;
using Verify.Properties.Catalogue;
using Verify.Properties.Checks;

namespace Verify.Properties.Gan;

/// <summary>
/// <c>optimal-discriminator.maximises</c>: D* = p_r/(p_r + p_g) maximises L(G, D) = E_{p_r} log D + E_{p_g} log(1 − D)
/// (GAN, Proposition 1): every competitor D = σ(logit D* + h) scores lower, by exactly
/// L(G, D*) − L(G, D) = ∫ (p_r + p_g)·kl(D*(x) ‖ D(x)) dx ≥ 0 (kl of two Bernoulli laws) — the pointwise reason.
/// Competitors: h(x) = a·sin(b·x + c) + e with FsCheck-drawn a, b, c, e, on the ten density pairs of
/// <see cref="DensityPair.All"/>.
/// </summary>
public static class OptimalDiscriminatorMaximises
{
    /// <summary>The claim's id.</summary>
    public const string Id = "optimal-discriminator.maximises";

    /// <summary>Absolute tolerance in nats (quadrature).</summary>
    public const double Tolerance = 1e-9;

    /// <summary>A density pair and the perturbation h(x) = A·sin(B·x + C) + E of the logit.</summary>
    public sealed record Case(int Pair, double A, double B, double C, double E)
    {
        /// <inheritdoc/>
        public override string ToString() =>
            $"{DensityPair.All[Pair].Name}, h(x) = {Describe.Number(A)}·sin({Describe.Number(B)}·x + {Describe.Number(C)}) + {Describe.Number(E)}";

        /// <summary>h at x.</summary>
        public double H(double x) => A * Math.Sin(B * x + C) + E;
    }

    /// <summary>a ∈ [−2, 2], b ∈ [0, 4], c ∈ [0, 3.2], e ∈ [−1, 1], on grids of 1/20.</summary>
    public static Gen<Case> Generator(Catalogue.ClaimScale scale) =>
        from pair in Gen.Choose(0, DensityPair.All.Count - 1)
        from a in Generators.OnGrid(-40, 40, 0.05)
        from b in Generators.OnGrid(0, 80, 0.05)
        from c in Generators.OnGrid(0, 64, 0.05)
        from e in Generators.OnGrid(-20, 20, 0.05)
        select new Case(pair, a, b, c, e);

    /// <summary>The check with D* as the candidate maximiser.</summary>
    public static CaseCheck<Case> Check { get; } =
        new(Generator, s => s.Pick(40, 400), c => Conditions(c, DensityPair.All[c.Pair].LogRatio));

    /// <summary>The falsification: p_r/(p_r + 2·p_g) (logit D* − log 2) offered as the maximiser.</summary>
    public static CaseCheck<Case> Falsification { get; } =
        Check.With(c => Conditions(c, x => DensityPair.All[c.Pair].LogRatio(x) - Math.Log(2.0)));

    /// <summary>The catalogue entry.</summary>
    public static Claim Claim { get; } = new(
        Id,
        "D* = p_r/(p_r + p_g) maximises L(G, D): every other D scores lower",
        "Goodfellow et al., Generative Adversarial Nets (2014), Proposition 1",
        ClaimKind.Exact,
        $"{Tolerance:0e0} nats: adaptive Gauss–Kronrod to 1e-12 relative on each integral",
        (s, seed) => Check.Run(s, seed, Id),
        "the discriminator p_r/(p_r + 2·p_g), which is not D*, offered as the maximiser",
        (s, seed) => Falsification.Run(s, seed, Id));

    /// <summary>The conditions for a candidate maximiser given by its logit.</summary>
    public static IReadOnlyList<Condition> Conditions(Case c, Func<double, double> candidateLogit)
    {
        DensityPair pair = DensityPair.All[c.Pair];
        double candidate = pair.Value(x => DensityPair.FromLogit(candidateLogit(x)));
        double competitor = pair.Value(x => DensityPair.FromLogit(candidateLogit(x) + c.H(x)));
        double optimum = pair.Value(pair.Optimal);
        double klIntegral = pair.Integrate(x =>
        {
            double r = pair.Real(x), g = pair.Generated(x);
            if (r + g == 0) return 0;
            var (logDs, log1mDs) = pair.Optimal(x);
            var (logD, log1mD) = DensityPair.FromLogit(pair.LogRatio(x) + c.H(x));
            double ds = Math.Exp(logDs), ms = Math.Exp(log1mDs), kl = 0;
            if (ds > 0) kl += ds * (logDs - logD);
            if (ms > 0) kl += ms * (log1mDs - log1mD);
            return (r + g) * kl;
        });
        double competitorOfOptimum = pair.Value(x => DensityPair.FromLogit(pair.LogRatio(x) + c.H(x)));
        return
        [
            Condition.AtMost("L(G, D) − L(G, candidate) for the competitor D", competitor - candidate, 0.0, Tolerance),
            Condition.Equal("L(G, D*) − L(G, σ(logit D* + h)) − ∫(p_r + p_g)·kl(D*‖D)", optimum - competitorOfOptimum - klIntegral, 0.0, Tolerance),
        ];
    }
}
