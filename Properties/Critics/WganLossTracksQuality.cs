using Verify.Networks.Critics;
using Verify.Networks.Tensors;
using Verify.Networks.Training;
using Verify.Properties.Catalogue;
using Verify.Properties.Experiments;
using Verify.Toys;
using Verify.Toys.Families;

namespace Verify.Properties.Critics;

/// <summary>
/// <c>wgan.loss-tracks-quality</c> (WGAN §4.2, Fig. 3 and 4): over a WGAN run the critic's estimate follows the quality
/// of the samples, measured exactly as the W₁ between each iteration's generated batch and a real batch; over a GAN run
/// the discriminator's JS estimate does not. A generator (1 → 16 → 16 → 1 ReLU, noise N(0, 1)) learns N(4, 0.5²) from
/// its start near 0; both runs log the method's estimate and the exact batch W₁ at every iteration. Both series are
/// averaged over 30 windows (batch noise), and Spearman's ρ is taken over the windows of the phase in which the generator
/// moves — until the window mean of the exact W₁ has made 90% of its fall from the first window to the last three (afterwards
/// both series are flat noise) — leaving out the first window, the critic's warm-up from its initialisation. Generator
/// learning rate 1e-3 over 300 iterations (quick) or 2e-4 over 1500 (full): the same path, sampled more finely. ρ must be ≥ 0.8 for WGAN-LP and below that for the GAN, whose discriminator
/// saturates at log 2 while the laws are still nearly disjoint (Arjovsky &amp; Bottou 2017).
/// </summary>
public static class WganLossTracksQuality
{
    /// <summary>The claim's id.</summary>
    public const string Id = "wgan.loss-tracks-quality";

    /// <summary>Spearman's ρ the WGAN run must reach.</summary>
    public const double WganRho = 0.8;

    /// <summary>Spearman's ρ the GAN run must stay below (the same value: the GAN's loss does not reach it).</summary>
    public const double GanRho = 0.8;

    /// <summary>Points a run's series are averaged into (windows of iterations / 30).</summary>
    public const int Points = 30;

    /// <summary>The share of the improvement in exact W₁ that delimits the phase in which the generator moves.</summary>
    public const double Phase = 0.9;

    /// <summary>The catalogue entry.</summary>
    public static Claim Claim { get; } = new(
        Id,
        "over a WGAN run, the critic estimate and the exact W1 between generated and real batches have Spearman ρ ≥ a stated value; the GAN discriminator loss does not",
        "Arjovsky, Chintala & Bottou, Wasserstein GAN (2017), §4.2, Figs. 3 and 4",
        ClaimKind.TrainedNetwork,
        $"stated thresholds on Spearman's ρ between window means while the generator moves (after the critic's warm-up window): ≥ {WganRho} for WGAN-LP, < {GanRho} for the GAN",
        (s, seed) => Run(s, seed, shuffleQuality: false),
        "the quality series of each run shuffled in time (the exact W1 of another run's order)",
        (s, seed) => Run(s, seed, shuffleQuality: true));

    /// <summary>Runs WGAN-LP and the GAN and compares Spearman's ρ with the thresholds.</summary>
    public static Finding Run(ClaimScale scale, long seed, bool shuffleQuality)
    {
        int iterations = scale.Pick(300, 1500);
        IToyDistribution real = ToyFamilies.GaussianLocation(0.5).At(4.0);
        var batches = GanTraining.FromLaw<double>(real);
        var critic = CriticArchitecture.Mlp(1, 32, 2);
        var adamWgan = OptimizerSettings.Adam(1e-3, 0.5, 0.9);
        var adamGan = OptimizerSettings.Adam(1e-3, 0.5, 0.999);
        double generatorLr = scale.Pick(1e-3, 2e-4);
        var wgan = CriticExperiments.TrainGenerator(new WganLpOptions { CriticOptimizer = adamWgan, GeneratorOptimizer = adamWgan with { LearningRate = generatorLr } },
            critic, [1, 16, 16, 1], batches, iterations, seed);
        var gan = CriticExperiments.TrainGenerator(new GanOptions { CriticOptimizer = adamGan, GeneratorOptimizer = adamGan with { LearningRate = generatorLr } },
            critic, [1, 16, 16, 1], batches, iterations, seed);
        double rhoWgan = Rho(wgan.Records, shuffleQuality, seed), rhoGan = Rho(gan.Records, shuffleQuality, seed);
        return new Finding(
        [
            Condition.AtLeast("WGAN-LP: Spearman ρ(critic estimate, exact batch W1)", rhoWgan, WganRho, 0.0),
            Condition.AtMost("GAN: Spearman ρ(JS estimate, exact batch W1)", rhoGan, GanRho, 0.0),
        ], 2, $"exact batch W1 from {Summary(wgan.Records)} (WGAN-LP) and {Summary(gan.Records)} (GAN)");
    }

    private static double Rho(IReadOnlyList<IterationRecord> records, bool shuffle, long seed)
    {
        var estimate = Means(records.Select(r => r.Estimate).ToList());
        var quality = Means(records.Select(r => r.ExactW1!.Value).ToList());
        double start = quality[0], end = quality.TakeLast(3).Average();
        int moving = Math.Max(quality.FindIndex(w => w <= end + (1 - Phase) * (start - end)) + 1, 6);
        estimate = estimate.Take(moving).Skip(1).ToList(); // the first window is the critic's warm-up from its initialisation
        quality = quality.Take(moving).Skip(1).ToList();
        if (shuffle)
        {
            var rng = new Random(unchecked((int)seed) ^ 0x3C6EF372);
            quality = quality.OrderBy(_ => rng.Next()).ToList();
        }
        return Training.Spearman(estimate, quality);
    }

    private static List<double> Means(List<double> series)
    {
        int window = series.Count / Points;
        return Enumerable.Range(0, Points).Select(k => series.Skip(k * window).Take(window).Average()).ToList();
    }

    private static string Summary(IReadOnlyList<IterationRecord> r)
    {
        int window = r.Count / Points;
        return $"{r.Take(window).Average(x => x.ExactW1!.Value):G3} to {r.TakeLast(window).Average(x => x.ExactW1!.Value):G3}";
    }
}
