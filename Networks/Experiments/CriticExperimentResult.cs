using Verify.Networks.Critics;
using Verify.Networks.Training;

namespace Verify.Networks.Experiments;

/// <summary>
/// The outcome of a critic experiment: the critic's estimate on the held-out halves, the exact value it is compared
/// with (or why there is none), the Lipschitz audit, and the critic itself.
/// </summary>
/// <param name="Options">The method's options as run.</param>
/// <param name="Architecture">The critic's architecture.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Precision">The network's floating-point type.</param>
/// <param name="Metric">"w1" for the Wasserstein methods, "js" (nats) for gan.</param>
/// <param name="Estimate">The critic's estimate on the held-out halves (E_P f − E_Q f; E_P f + E_Q f^c for wgan-ct;
/// (L(D) + 2·log 2)/2 for gan).</param>
/// <param name="Exact">The value the estimate is compared with, or null (then <paramref name="NoExactReason"/> says why).</param>
/// <param name="ExactBasis">What <paramref name="Exact"/> is, e.g. "exact W1 between the held-out halves".</param>
/// <param name="NoExactReason">Why there is no exact value to compare with (null when there is one).</param>
/// <param name="ExactAllRows">The exact value between all rows (W₁; JS only when the laws share an atom), or null.</param>
/// <param name="Reference">The known population value, when the request gave one.</param>
/// <param name="Audit">The Lipschitz audit on the held-out halves.</param>
/// <param name="Steps">Critic training steps taken (0 for a loaded critic).</param>
/// <param name="Seconds">Wall time of training, estimating and auditing (the exact values are computed alongside, on another thread).</param>
/// <param name="PTrain">Rows of P that trained the critic.</param>
/// <param name="PHeldOut">Rows of P held out.</param>
/// <param name="QTrain">Rows of Q that trained the critic.</param>
/// <param name="QHeldOut">Rows of Q held out.</param>
/// <param name="Critic">The trained (or loaded) critic.</param>
/// <param name="Loaded">Where the critic was loaded from, or null when it was trained.</param>
public sealed record CriticExperimentResult(MethodOptions Options, CriticArchitecture Architecture, long Seed, Precision Precision,
    string Metric, double Estimate, double? Exact, string ExactBasis, string? NoExactReason, double? ExactAllRows, ExactReference? Reference,
    CriticAuditResult Audit, int Steps, double Seconds, int PTrain, int PHeldOut, int QTrain, int QHeldOut, TrainedCritic Critic, string? Loaded)
{
    /// <summary>How the samples are split, in words.</summary>
    public const string Split = "each sample set shuffled with the seed; first ceil(n/2) rows train, remaining floor(n/2) held out; estimate on the held-out halves";

    /// <summary>|estimate − exact| / |exact| (+∞ when exact is 0 and the estimate is not); null when there is no exact value.</summary>
    public double? RelativeError => Exact is not { } x ? null
        : x != 0 ? Math.Abs(Estimate - x) / Math.Abs(x)
        : Estimate == 0 ? 0 : double.PositiveInfinity;
}
