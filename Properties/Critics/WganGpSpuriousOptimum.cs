using Verify.Networks.Init;
using Verify.Networks.Training;
using Verify.Properties.Catalogue;

namespace Verify.Properties.Critics;

/// <summary>
/// <c>wgan-gp.spurious-optimum</c> (this project's finding): over linear critics the two-sided penalised value
/// W₁·s − λ(|s| − 1)² has, besides the maximum s = 1 + W₁/(2λ), a local maximum at s = −1 + W₁/(2λ); reaching s &gt; 0
/// from there means crossing s = 0, where the penalty is λ. A critic started with the wrong slope settles near
/// W₁·(−1 + W₁/(2λ)) &lt; 0 under WGAN-GP, while the one-sided penalty (WGAN-LP, no barrier) reaches W₁·(1 + W₁/(2λ)).
/// On P = N(3, 1) against Q = N(0.84, 0.03²) (W₁ ≈ 2.16), λ = 10, Adam(1e-3, β = (0.5, 0.9)), batch 128.
/// </summary>
public static class WganGpSpuriousOptimum
{
    /// <summary>The claim's id.</summary>
    public const string Id = "wgan-gp.spurious-optimum";

    /// <summary>Relative tolerance against the predicted estimates.</summary>
    public const double Tolerance = 0.05;

    private const double Lambda = 10;

    /// <summary>The catalogue entry.</summary>
    public static Claim Claim { get; } = new(
        Id,
        "a critic started with the wrong slope settles near W1·(−1 + W1/(2λ)) under the two-sided penalty, and the one-sided penalty escapes it",
        "this project's finding (README, Findings); penalties of Gulrajani et al. (2017) and Petzka et al., On the regularization of Wasserstein GANs (2018)",
        ClaimKind.TrainedNetwork,
        $"{Tolerance:P0} of each predicted estimate: small critics after a few hundred Adam steps sit within a few per cent of the linear optima",
        (s, seed) => Run(s, seed, startSign: -1),
        "critics started with the right slope (positive initial estimate), which never meet the barrier",
        (s, seed) => Run(s, seed, startSign: +1));

    /// <summary>Trains a GP and an LP critic from a start of the given slope sign.</summary>
    public static Finding Run(ClaimScale scale, long seed, int startSign)
    {
        var rng = new Rng(unchecked((ulong)seed) + 3);
        int n = scale.Pick(1000, 4000), steps = scale.Pick(500, 1500);
        double[] p = Training.Normal(rng, n, 3, 1), q = Training.Normal(rng, n, 0.84, 0.03);
        double w1 = Training.W1(p, q);
        var adam = OptimizerSettings.Adam(1e-3, 0.5, 0.9);
        double Trained(MethodOptions options)
        {
            var critic = Training.StartWithSign(Training.Small1D, p, q, seed, startSign);
            Training.Train(critic, options, p, q, steps, new Rng(unchecked((ulong)seed) ^ 0x5DEECE66DUL));
            return Training.EstimateW1(critic, p, q);
        }
        double trap = w1 * (-1 + w1 / (2 * Lambda)), optimum = w1 * (1 + w1 / (2 * Lambda));
        double gp = Trained(new WganGpOptions { Batch = 128, Lambda = Lambda, CriticOptimizer = adam });
        double lp = Trained(new WganLpOptions { Batch = 128, Lambda = Lambda, CriticOptimizer = adam });
        return new Finding(
        [
            Condition.Equal($"two-sided (GP): estimate/(W1·(−1 + W1/(2λ))) − 1 (W1 = {w1:F4})", gp / trap - 1, 0.0, Tolerance),
            Condition.Equal("one-sided (LP): estimate/(W1·(1 + W1/(2λ))) − 1", lp / optimum - 1, 0.0, Tolerance),
        ], 2);
    }
}
