using Verify.Properties.Catalogue;

namespace Verify.Properties.Gan;

/// <summary>
/// <c>gan.nonsaturating-gradient</c> (Goodfellow et al. 2014, §3): where the minimax gradient has vanished (the run of
/// <see cref="VanishingGradient"/>: a discriminator trained against a nearly disjoint fixed generator), the −log D loss
/// keeps a usable gradient: per sample the two gradients differ by the factor (1 − D)/D, so at the end the
/// non-saturating norm is at least 10³ times the minimax norm, and at least ½ of its own value at step 0.
/// </summary>
public static class NonSaturatingGradient
{
    /// <summary>The claim's id.</summary>
    public const string Id = "gan.nonsaturating-gradient";

    /// <summary>The catalogue entry.</summary>
    public static Claim Claim { get; } = new(
        Id,
        "the −log D loss keeps a usable generator gradient where the minimax gradient has vanished",
        "Goodfellow et al., Generative Adversarial Nets (2014), §3",
        ClaimKind.TrainedNetwork,
        "stated thresholds: after training, the non-saturating norm ≥ 10³ × the minimax norm and ≥ ½ × its own value at step 0",
        (s, seed) => Run(s, seed, nonSaturating: true),
        "the minimax loss log(1 − D) offered as the non-saturating one",
        (s, seed) => Run(s, seed, nonSaturating: false));

    /// <summary>The check for the loss called non-saturating (the true −log D, or the minimax loss as the wrong input).</summary>
    public static Finding Run(ClaimScale scale, long seed, bool nonSaturating)
    {
        FixedGeneratorRun.Run d = FixedGeneratorRun.Discriminator(scale, seed, 8.0);
        double Of(FixedGeneratorRun.Point p) => nonSaturating ? p.NonSaturating : p.Minimax;
        return new Finding(
        [
            Condition.AtLeast($"non-saturating / minimax gradient norm after {d.Last.Step} steps", Of(d.Last) / d.Last.Minimax, 1e3, 0.0),
            Condition.AtLeast("non-saturating gradient norm after training / at step 0", Of(d.Last) / Of(d.First), 0.5, 0.0),
        ], 1, $"non-saturating norms: {string.Join(", ", d.Points.Select(p => $"{p.Step}: {Of(p):G3}"))}");
    }
}
