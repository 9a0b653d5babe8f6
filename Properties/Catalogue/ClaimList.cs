namespace Verify.Properties.Catalogue;

/// <summary>The catalogue's order: every claim registered explicitly, by hand (never found by reflection).</summary>
internal static class ClaimList
{
    public static IReadOnlyList<Claim> Build() =>
    [
        Metrics.W1Metric.Claim,
        Information.JsBounds.Claim,
        Information.KlDisjointInfinite.Claim,
        Information.Pinsker.Claim,
        Metrics.W1TvDiameter.Claim,
        Lines.ParallelLinesValues.Claim,
        Lines.JsDiscontinuity.Claim,
        Gan.OptimalDiscriminatorMaximises.Claim,
        Gan.OptimalDiscriminatorValue.Claim,
        Metrics.W1Continuity.Claim,
        Duality.KrDualityAttained.Claim,
        Duality.KrDualityBound.Claim,
        Duality.EnvelopeGradient.Claim,
        Metrics.W1SampleRate.Claim,
        Gan.VanishingGradient.Claim,
        Gan.NonSaturatingGradient.Claim,
        Critics.WganClipScaledEstimate.Claim,
        Critics.CriticTracksExact.Claim,
        Critics.WganGpOvershoot.Claim,
        Critics.WganGpSpuriousOptimum.Claim,
        Critics.WganLossTracksQuality.Claim,
    ];
}
