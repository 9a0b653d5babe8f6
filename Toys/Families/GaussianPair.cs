using Verify.Toys.Numerics;

namespace Verify.Toys.Families;

/// <summary>
/// The two Gaussians of the "optimal discriminator vs WGAN critic" figure (WGAN paper, Fig. 2, which gives no
/// parameters). Our choice: real P_r = N(0, 0.5²), generated P_θ = N(θ, 0.5²), default θ = 4.
/// Why: a separation of 8σ makes the supports effectively disjoint (TV = 2Φ(4) − 1 ≈ 0.99994, JS within 10⁻⁴ of ln 2),
/// which is exactly the regime where the optimal discriminator D*(x) = p_r/(p_r + p_θ) = 1/(1 + e^{θ(x − θ/2)/σ²})
/// saturates (at the fake mode D* ≈ e^{−32} ≈ 10⁻¹⁴ and its slope ≈ 2·10⁻¹³), while the WGAN critic f*(x) = −sign(θ)·x is linear with
/// slope 1 everywhere. Both laws fit in [−2, 6], so one plot shows them. This is <see cref="GaussianLocation"/>
/// with σ = 0.5 plus D*, f* and their slopes.
/// </summary>
public sealed class GaussianPair : GaussianLocation
{
    /// <summary>σ of both Gaussians.</summary>
    public const double PairSigma = 0.5;

    /// <summary>Mean of the real Gaussian.</summary>
    public const double RealMean = 0.0;

    /// <summary>Default mean of the generated Gaussian.</summary>
    public const double DefaultFakeMean = 4.0;

    /// <summary>P_r = N(0, 0.5²) against P_θ = N(θ, 0.5²).</summary>
    public GaussianPair() : base(PairSigma, "gaussian-pair", DefaultFakeMean) { }

    /// <inheritdoc/>
    public override string Summary => "real N(0, 0.5²) vs generated P_θ = N(θ, 0.5²), default θ = 4 (WGAN paper Fig. 2 set-up, our choice)";

    /// <summary>P_r.</summary>
    public IToyDistribution Real => At(RealMean);

    /// <summary>Exact values between P_r and P_θ.</summary>
    public ExactValues ExactFromReal(double theta) => Exact(RealMean, theta);

    /// <summary>D*(x) = p_r(x)/(p_r(x) + p_θ(x)) = 1/(1 + exp(ln p_θ(x) − ln p_r(x))), computed without overflow.</summary>
    public double OptimalDiscriminator(double x, double theta)
    {
        Theta.Check(theta);
        double t = LogRatio(x, theta);
        return t > 0 ? Math.Exp(-t) / (1.0 + Math.Exp(-t)) : 1.0 / (1.0 + Math.Exp(t));
    }

    /// <summary>∂D*/∂x = −D*(1 − D*)·∂/∂x ln(p_θ/p_r) = −D*(1 − D*)·(θ − μ_r)/σ².</summary>
    public double OptimalDiscriminatorSlope(double x, double theta)
    {
        double d = OptimalDiscriminator(x, theta);
        return -d * (1.0 - d) * (theta - RealMean) / (PairSigma * PairSigma);
    }

    /// <summary>
    /// A Kantorovich potential f* (1-Lipschitz, E_{P_r} f* − E_{P_θ} f* = W₁): f*(x) = −sign(θ − μ_r)·x. In 1-D,
    /// E_P f − E_Q f = ∫ f′(x)(F_Q(x) − F_P(x)) dx, and F_θ ≤ F_r everywhere when θ &gt; μ_r, so f′ = −1 is optimal.
    /// </summary>
    public double OptimalCritic(double x, double theta)
    {
        Theta.Check(theta);
        return -Math.Sign(theta - RealMean) * x;
    }

    /// <summary>∂f*/∂x = −sign(θ − μ_r).</summary>
    public double OptimalCriticSlope(double theta)
    {
        Theta.Check(theta);
        return -Math.Sign(theta - RealMean);
    }

    // ln p_θ(x) − ln p_r(x) = ((x − μ_r)² − (x − θ)²)/(2σ²)
    private static double LogRatio(double x, double theta)
    {
        double s2 = PairSigma * PairSigma;
        return ((x - RealMean) * (x - RealMean) - (x - theta) * (x - theta)) / (2 * s2);
    }
}
