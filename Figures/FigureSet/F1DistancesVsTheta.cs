using Verify.Figures.FigureSet.Core;
using Verify.Figures.FigureSet.Experiments;
using Verify.Toys;

namespace Verify.Figures.FigureSet;

/// <summary>
/// F1 (after WGAN Fig. 1): exact W₁, JS, KL and TV between P₀ and P_θ against θ ∈ [−1, 1], on the parallel lines
/// (WGAN Example 1) and on Gaussian location N(θ, 1), with the held-out estimates of trained critics and discriminators
/// at grid points (<see cref="CriticGrid"/>).
/// </summary>
public sealed partial class F1DistancesVsTheta : Figure
{
    public override string Id => "f1-distances-vs-theta";

    public override string Title => "Distances between P₀ and Pθ, exact and estimated";

    public override string Caption =>
        "Top: exact W₁, JS (nats), KL(P₀‖P_θ) and TV against θ on the parallel lines P_θ = law of (θ, Z), Z ~ U[0, 1] " +
        "(WGAN Example 1), and on N(θ, 1); markers are held-out estimates of trained networks (mean ± half-range over seeds): " +
        "WGAN critics estimate W₁, the GAN discriminator estimates JS ≥ (L(D) + 2 log 2)/2. On the lines only W₁ is continuous " +
        "at θ = 0; JS, KL and TV jump. Bottom: each estimate divided by the exact value it estimates (log scale): WGAN-GP and " +
        "WGAN-LP sit near 1 (slightly above: the penalty's optimum is W₁(1 + W₁/(2λ))), a weight-clipped critic estimates " +
        "W₁ times a constant far below 1. A WGAN-GP critic that settles at the two-sided penalty's spurious optimum (slope " +
        "−1 + W₁/(2λ), a negative estimate) shows as a long bar on top and is left out of the log panel; figure.json counts them.";

    public override IReadOnlyList<string> Claims =>
        ["parallel-lines.values", "js.discontinuity", "pinsker", "critic.tracks-exact", "wgan-clip.scaled-estimate", "wgan-gp.overshoot"];

    public static readonly TableSchema ExactSchema = new("exact", ["family", "theta", "w1", "js", "kl", "tv"], ["theta", "w1", "js", "kl", "tv"]);

    public static readonly TableSchema EstimatesSchema = new("estimates", ["family", "theta", "method", "seed", "estimate"], ["theta", "seed", "estimate"]);

    public override IReadOnlyList<TableSchema> Schema => [ExactSchema, EstimatesSchema];

    /// <summary>θ_k = (k − 100)/100, k = 0…200: the exact curves' grid (θ = 0 and the critic grid points exactly).</summary>
    public static double[] ExactGrid() => Enumerable.Range(0, 201).Select(k => (k - 100) / 100.0).ToArray();

    public override IReadOnlyList<(string Key, object Value)> Settings(FigureRun run) =>
        [("exact_grid", "θ = −1 … 1 in steps of 0.01"), ("kl_direction", "KL(P₀ ‖ P_θ)"), .. CriticGrid.Describe(run)];

    public override IReadOnlyList<long> Seeds(FigureRun run) => CriticGrid.Seeds(run);

    public override FigurePlan Plan(FigureRun run) => new([.. CriticGrid.Jobs(run)], () => new TableSet(Exact(), Estimates(run)));

    /// <summary>The exact table from the families' closed forms (Toys).</summary>
    public static TidyTable Exact()
    {
        TidyTable t = ExactSchema.Create();
        foreach (string name in CriticGrid.Families)
        {
            var family = ToyFamilies.Get(name).Family!;
            foreach (double theta in ExactGrid())
            {
                var e = family.Exact(0, theta);
                t.Add(name, theta, e.W1!.Value, e.JS!.Value, e.KL!.Value, e.TV!.Value);
            }
        }
        return t;
    }

    private static TidyTable Estimates(FigureRun run)
    {
        TidyTable t = EstimatesSchema.Create();
        CriticGrid.Settings s = CriticGrid.For(run);
        foreach (string family in CriticGrid.Families)
            foreach (double theta in s.Thetas)
                foreach (string method in CriticGrid.Methods)
                    foreach (long seed in CriticGrid.Seeds(run))
                        t.Add(family, theta, method, seed, CriticGrid.Get(run, family, theta, method, seed).Estimate);
        return t;
    }
}
