using Verify.Properties.Catalogue;

namespace Verify.Properties.Gan;

/// <summary>
/// <c>gan.vanishing-gradient</c> (Arjovsky &amp; Bottou 2017, Theorem 2.4 and Fig. 2): as a discriminator trains against a
/// fixed generator whose law is nearly disjoint from the real one (N(8, 0.5²) against N(0, 0.5²), 16σ apart), the generator's
/// minimax gradient ‖∇_θ E log(1 − D(G_θ(z)))‖ falls by at least 10³; a WGAN critic (WGAN-LP) trained the same way
/// leaves the generator a gradient of at least ½ (the optimal critic f*(x) = −x gives ∇_b E f*(G) = 1 in norm).
/// </summary>
public static class VanishingGradient
{
    /// <summary>The claim's id.</summary>
    public const string Id = "gan.vanishing-gradient";

    /// <summary>The required fall of the minimax gradient.</summary>
    public const double Fall = 1e3;

    /// <summary>The floor under the WGAN generator's gradient.</summary>
    public const double Floor = 0.5;

    /// <summary>The catalogue entry.</summary>
    public static Claim Claim { get; } = new(
        Id,
        "as a discriminator trains against a fixed generator on (nearly) disjoint supports, the generator's minimax gradient norm falls by ≥ 10³, while a WGAN critic's gradient stays ≥ a stated floor",
        "Arjovsky & Bottou, Towards Principled Methods for Training GANs (2017), Theorem 2.4 and Fig. 2",
        ClaimKind.TrainedNetwork,
        $"stated thresholds, not tolerances: a fall by ≥ {Fall:0e0} (their Fig. 2 shows 10³–10⁵) and a floor of {Floor} under the WGAN gradient (the optimal critic gives 1)",
        (s, seed) => Run(s, seed, fakeMean: 8.0),
        "a generator equal in law to the real data (N(0, 0.5²), overlapping supports), against which no discriminator saturates",
        (s, seed) => Run(s, seed, fakeMean: 0.0));

    /// <summary>The check against a fixed generator N(<paramref name="fakeMean"/>, 0.5²).</summary>
    public static Finding Run(ClaimScale scale, long seed, double fakeMean)
    {
        FixedGeneratorRun.Run d = FixedGeneratorRun.Discriminator(scale, seed, fakeMean);
        double fall = d.First.Minimax / d.Last.Minimax;
        double critic = FixedGeneratorRun.CriticGradientNorm(scale, seed, fakeMean);
        return new Finding(
        [
            Condition.AtLeast($"minimax gradient norm at step 0 / after {d.Last.Step} steps", fall, Fall, 0.0),
            Condition.AtLeast("WGAN-LP generator gradient norm after training", critic, Floor, 0.0),
        ], 2, $"minimax gradient norms: {string.Join(", ", d.Points.Select(p => $"{p.Step}: {p.Minimax:G3}"))}");
    }
}
