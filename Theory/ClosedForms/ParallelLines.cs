namespace Verify.Theory;

/// <summary>
/// The parallel-lines family of Arjovsky, Chintala &amp; Bottou (2017), "Wasserstein GAN", Example 1: Z ~ U[0, 1],
/// P₀ the law of (0, Z) and P_θ the law of (θ, Z) in ℝ². For θ ≠ 0 the two segments are disjoint, so
/// W₁ = |θ| (move every point horizontally by θ), while JS = log 2, KL = +∞ and TV = 1; at θ = 0 all four are 0.
/// Only W₁ is continuous in θ — the paper's argument for training on W₁.
/// </summary>
public static class ParallelLines
{
    /// <summary>W₁(P₀, P_θ) = |θ|.</summary>
    public static double W1(double theta)
    {
        Guard.Finite(theta, "theta", nameof(theta));
        return Math.Abs(theta);
    }

    /// <summary>JS(P₀, P_θ) = log 2 for θ ≠ 0 (1 bit), 0 at θ = 0.</summary>
    public static double JS(double theta, LogBase b = LogBase.Nats)
    {
        Guard.Finite(theta, "theta", nameof(theta));
        return theta == 0 ? 0.0 : b.FromNats(Math.Log(2.0));
    }

    /// <summary>KL(P_θ ‖ P₀) = KL(P₀ ‖ P_θ) = +∞ for θ ≠ 0, 0 at θ = 0.</summary>
    public static double KL(double theta)
    {
        Guard.Finite(theta, "theta", nameof(theta));
        return theta == 0 ? 0.0 : double.PositiveInfinity;
    }

    /// <summary>TV(P₀, P_θ) = 1 for θ ≠ 0, 0 at θ = 0.</summary>
    public static double TV(double theta)
    {
        Guard.Finite(theta, "theta", nameof(theta));
        return theta == 0 ? 0.0 : 1.0;
    }
}
