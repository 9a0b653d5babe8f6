using Verify.Networks.Init;
using Verify.Networks.Training;
using Verify.Properties.Catalogue;
using Verify.Properties.Experiments;
using Verify.Theory;

namespace Verify.Properties.Critics;

/// <summary>
/// <c>wgan-clip.scaled-estimate</c> (WGAN §3, and the slides: clipping is "a terrible way" to enforce a Lipschitz
/// constraint): a critic whose weights are clamped to [−c, c] is K-Lipschitz with K ≤ ∏ₗ σ(Wₗ) ≤ ∏ₗ c·√(mₗnₗ) (σ ≤ Frobenius
/// norm ≤ c·√(entries)); its estimate E_P f − E_Q f is then at most K·W₁ — W₁ scaled by a factor below 1, not W₁.
/// Checked with a critic experiment (held-out halves) on N(0, 1) vs N(2, 1): the audit's lower bounds (max gradient norm,
/// pairwise ratio) sit under the spectral bound, which sits under the clip bound; estimate ≤ spectral bound × exact W₁
/// between the same halves (an exact inequality); and 0 &lt; estimate/W₁ ≤ spectral bound &lt; 1.
/// </summary>
public static class WganClipScaledEstimate
{
    /// <summary>The claim's id.</summary>
    public const string Id = "wgan-clip.scaled-estimate";

    /// <summary>The clip bound c (the paper's 0.01).</summary>
    public const double Clip = 0.01;

    /// <summary>Relative rounding allowance of the exact inequalities.</summary>
    public const double Rounding = 1e-12;

    /// <summary>The catalogue entry.</summary>
    public static Claim Claim { get; } = new(
        Id,
        "a clipped critic's Lipschitz constant stays under its product-of-norms bound, and its estimate is W1 scaled by a factor < 1",
        "Arjovsky, Chintala & Bottou, Wasserstein GAN (2017), §3 and Algorithm 1; the slides (\"a terrible way to enforce a Lipschitz constraint\")",
        ClaimKind.TrainedNetwork,
        $"exact inequalities, {Rounding:0e0} relative for rounding: Lipschitz lower bounds ≤ ∏σ(W) ≤ ∏c√(mn), estimate ≤ ∏σ(W)·W1 on the same held-out halves",
        (s, seed) => Run(s, seed, trainedClip: Clip),
        "a critic trained without clipping (c = 10⁶) judged against the bounds for c = 0.01",
        (s, seed) => Run(s, seed, trainedClip: 1e6));

    /// <summary>Trains a critic clipped at <paramref name="trainedClip"/> and checks it against the bounds for <see cref="Clip"/>.</summary>
    public static Finding Run(ClaimScale scale, long seed, double trainedClip)
    {
        var rng = new Rng(unchecked((ulong)seed) + 11);
        int n = scale.Pick(1000, 4000);
        var real = DiscreteDistribution.OneD(Training.Normal(rng, n, 0, 1));
        var fake = DiscreteDistribution.OneD(Training.Normal(rng, n, 2, 1));
        var options = new WganClipOptions { Clip = trainedClip, CriticOptimizer = OptimizerSettings.RmsProp(5e-3) };
        CriticExperimentOutcome r = CriticExperiments.Run(new CriticExperimentSpec(real, fake, options, Training.Small1D, scale.Pick(300, 1500), seed));
        double clipBound = 1;
        foreach (var w in r.Critic.EffectiveWeights()) clipBound *= Clip * Math.Sqrt(w.Rows * w.Cols);
        double spectral = r.Audit.SpectralBound, ratio = r.Estimate / r.ExactHeldOut;
        return new Finding(
        [
            Condition.AtMost("audit lower bound (max of gradient norm, pairwise ratio) − ∏σ(W)", r.Audit.Empirical - spectral, 0.0, Rounding * spectral),
            Condition.AtMost("∏σ(W) − clip bound ∏c√(mn)", spectral - clipBound, 0.0, Rounding * clipBound),
            Condition.AtMost("estimate − ∏σ(W)·W1 (held-out halves)", r.Estimate - spectral * r.ExactHeldOut, 0.0, Rounding * r.ExactHeldOut),
            Condition.AtLeast("estimate/W1 > 0 (the critic found the direction)", ratio, 0.0, 0.0),
            Condition.AtMost("scale factor bound ∏σ(W) < 1", spectral, 1.0, 0.0),
        ], 1, $"estimate {r.Estimate:G6}, exact W1 {r.ExactHeldOut:G6}, factor {ratio:G4}, ∏σ(W) {spectral:G4}, clip bound {clipBound:G4}");
    }
}
