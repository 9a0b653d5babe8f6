using Verify.Networks.Training;
using Verify.Properties.Catalogue;
using Verify.Properties.Experiments;
using Verify.Toys;
using Verify.Toys.Families;

namespace Verify.Properties.Critics;

/// <summary>
/// <c>wgan.loss-tracks-quality</c> (WGAN §4.2, Figs. 3 and 4): over a WGAN run the critic's estimate follows the quality
/// of the samples, measured exactly as the W₁ between each iteration's generated batch and a real batch; over a GAN run
/// the discriminator's JS estimate does not. A generator (1 → 32 → 32 → 1 ReLU, noise N(0, 1)) against a critic
/// 1 → 32 → 32 → 1 (a generator experiment, <see cref="CriticExperiments.TrainGenerator"/>) learns N(4, 0.5²) from its start
/// near 0; both runs log the method's estimate and the exact batch W₁ at every iteration. Both series are averaged over
/// windows (40 of 10 iterations at quick scale, generator learning rate 5e-4; 60 of 25 at full scale, 2e-4: the same path
/// sampled more finely), and Spearman's ρ is taken over the windows in which the laws are still far apart (window mean of
/// the exact W₁ ≥ 1, twice the real law's σ; at least 5 windows), leaving out the first window, the critic's warm-up from
/// its initialisation. There the discriminator saturates (Arjovsky &amp; Bottou 2017) and its estimate rises or hovers while
/// the samples improve: ρ must be ≥ 0.8 for WGAN-LP and below 0.8 for the GAN (measured over seeds 1–8: WGAN-LP 0.975–1,
/// GAN −0.33 to 0.35).
/// </summary>
public static class WganLossTracksQuality
{
    /// <summary>The claim's id.</summary>
    public const string Id = "wgan.loss-tracks-quality";

    /// <summary>Spearman's ρ the WGAN run must reach.</summary>
    public const double WganRho = 0.8;

    /// <summary>Spearman's ρ the GAN run must stay below (the same value: the GAN's loss does not reach it).</summary>
    public const double GanRho = 0.8;

    /// <summary>Hidden width of the generator and the critic (two hidden layers each).</summary>
    public const int Hidden = 32;



    /// <summary>The exact batch W₁ above which the laws count as far apart (twice the real law's σ = ½).</summary>
    public const double Separated = 1.0;

    /// <summary>Fewest windows ρ is taken over.</summary>
    public const int MinimumWindows = 5;

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
        int iterations = scale.Pick(400, 1500), points = scale.Pick(40, 60);
        IToyDistribution real = ToyFamilies.GaussianLocation(0.5).At(4.0);
        var adamWgan = OptimizerSettings.Adam(1e-3, 0.5, 0.9);
        var adamGan = OptimizerSettings.Adam(1e-3, 0.5, 0.999);
        double generatorLr = scale.Pick(5e-4, 2e-4);
        var wgan = CriticExperiments.TrainGenerator(real, new WganLpOptions { CriticOptimizer = adamWgan, GeneratorOptimizer = adamWgan with { LearningRate = generatorLr } },
            Hidden, 2, 1, iterations, seed);
        var gan = CriticExperiments.TrainGenerator(real, new GanOptions { CriticOptimizer = adamGan, GeneratorOptimizer = adamGan with { LearningRate = generatorLr } },
            Hidden, 2, 1, iterations, seed);
        double rhoWgan = Rho(wgan, points, shuffleQuality, seed), rhoGan = Rho(gan, points, shuffleQuality, seed);
        return new Finding(
        [
            Condition.AtLeast("WGAN-LP: Spearman ρ(critic estimate, exact batch W1)", rhoWgan, WganRho, 0.0),
            Condition.AtMost("GAN: Spearman ρ(JS estimate, exact batch W1)", rhoGan, GanRho, 0.0),
        ], 2, $"exact batch W1 from {Summary(wgan, points)} (WGAN-LP) and {Summary(gan, points)} (GAN)");
    }

    private static double Rho(IReadOnlyList<IterationRecord> records, int points, bool shuffle, long seed)
    {
        var estimate = Means(records.Select(r => r.Estimate).ToList(), points);
        var quality = Means(records.Select(r => r.ExactW1!.Value).ToList(), points);
        int far = quality.FindIndex(w => w < Separated);
        int windows = Math.Max(far < 0 ? quality.Count : far, MinimumWindows + 1);
        estimate = estimate.Take(windows).Skip(1).ToList(); // the first window is the critic's warm-up from its initialisation
        quality = quality.Take(windows).Skip(1).ToList();
        if (shuffle)
        {
            var rng = new Random(unchecked((int)seed) ^ 0x3C6EF372);
            quality = quality.OrderBy(_ => rng.Next()).ToList();
        }
        return Training.Spearman(estimate, quality);
    }

    private static List<double> Means(List<double> series, int points)
    {
        int window = series.Count / points;
        return Enumerable.Range(0, points).Select(k => series.Skip(k * window).Take(window).Average()).ToList();
    }

    private static string Summary(IReadOnlyList<IterationRecord> r, int points)
    {
        int window = r.Count / points;
        return $"{r.Take(window).Average(x => x.ExactW1!.Value):G3} to {r.TakeLast(window).Average(x => x.ExactW1!.Value):G3}";
    }
}
