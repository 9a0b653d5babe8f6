using Verify.Figures.FigureSet.Core;
using Verify.Figures.FigureSet.Experiments;
using Verify.Toys;

namespace Verify.Figures.FigureSet;

/// <summary>
/// F2: the gradient a generator receives at θ, against the exact dW₁/dθ and dJS/dθ — from the same trained networks as F1
/// (<see cref="CriticGrid"/>): −E[∇f(G_θ(z))·∂G/∂θ] for WGAN critics, and the θ-derivative of the minimax loss
/// E log(1 − D(G_θ(z))) and of the non-saturating loss −E log D(G_θ(z)) for the GAN discriminator.
/// </summary>
public sealed partial class F2GradientVsTheta : Figure
{
    public override string Id => "f2-gradient-vs-theta";

    public override string Title => "The gradient a generator receives, against the exact gradients";

    public override string Caption =>
        "Left: the θ-derivative of the generator's loss at the trained networks of F1 (mean ± half-range over seeds), against " +
        "the exact dW₁/dθ = sign θ and 2·dJS/dθ (the minimax loss equals 2·JS − 2 log 2 at the optimal discriminator, so " +
        "its derivative is 2·dJS/dθ there). Right: the same magnitudes on a log scale, with the non-saturating loss. On the " +
        "parallel lines JS is flat away from 0, and the trained discriminator's minimax gradient vanishes with it, orders of " +
        "magnitude below the critic's; the non-saturating loss keeps a large gradient. On N(θ, 1) the densities overlap and " +
        "every method gives a usable gradient. (On the parallel lines dJS/dθ = 0 away from θ = 0, which a log axis cannot show.)";

    public override IReadOnlyList<string> Claims =>
        ["envelope.gradient", "gan.vanishing-gradient", "gan.nonsaturating-gradient", "wgan-clip.scaled-estimate"];

    public static readonly TableSchema GradientsSchema = new("gradients", ["family", "theta", "method", "seed", "gradient"], ["theta", "seed", "gradient"]);

    public static readonly string[] TrainedMethods = ["wgan-clip", "wgan-gp", "wgan-lp", "gan-minimax", "gan-nonsaturating"];

    public override IReadOnlyList<TableSchema> Schema => [GradientsSchema];

    public override IReadOnlyList<(string Key, object Value)> Settings(FigureRun run) =>
    [
        ("exact_grid", "θ = −1 … 1 in steps of 0.01 (dW₁/dθ is not defined at θ = 0, dJS/dθ not on the parallel lines there)"),
        ("gradient", "Σᵢ ⟨∂ℓ/∂xᵢ, ∂xᵢ/∂θ⟩ for the generator loss ℓ at xᵢ = G_θ(zᵢ), from Toys' reparameterised samples with tangents"),
        ("exact_rows_seed", "the exact rows carry the run's seed (they involve no randomness)"),
        .. CriticGrid.Describe(run),
    ];

    public override IReadOnlyList<long> Seeds(FigureRun run) => CriticGrid.Seeds(run);

    public override FigurePlan Plan(FigureRun run) => new([.. CriticGrid.Jobs(run)], () => new TableSet(Gradients(run)));

    private static TidyTable Gradients(FigureRun run)
    {
        TidyTable t = GradientsSchema.Create();
        foreach (string name in CriticGrid.Families)
        {
            var family = ToyFamilies.Get(name).Family!;
            foreach (double theta in F1DistancesVsTheta.ExactGrid())
            {
                var e = family.Exact(0, theta);
                if (e.DW1 is { } dw) t.Add(name, theta, "exact-w1", run.Seed, dw);
                if (e.DJS is { } dj) t.Add(name, theta, "exact-js", run.Seed, dj);
            }
        }
        CriticGrid.Settings s = CriticGrid.For(run);
        foreach (string family in CriticGrid.Families)
            foreach (double theta in s.Thetas)
                foreach (string method in CriticGrid.Methods)
                    foreach (long seed in CriticGrid.Seeds(run))
                    {
                        CriticGrid.Cell c = CriticGrid.Get(run, family, theta, method, seed);
                        if (method != "gan")
                        {
                            t.Add(family, theta, method, seed, c.Gradient);
                            continue;
                        }
                        t.Add(family, theta, "gan-minimax", seed, c.Gradient);
                        t.Add(family, theta, "gan-nonsaturating", seed, c.NonSaturatingGradient!.Value);
                    }
        return t;
    }
}
