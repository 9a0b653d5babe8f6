namespace Verify.Theory;

/// <summary>
/// The optimality certificate of a transport plan γ with dual potentials (u, v), every quantity dimensionless:
/// <list type="bullet">
/// <item><see cref="PrimalResidual"/> = maxᵢ,ⱼ(|Σⱼγᵢⱼ − aᵢ|, |Σᵢγᵢⱼ − bⱼ|) / M, with M = Σaᵢ, and γ ≥ 0 (a negative entry makes it +∞);</item>
/// <item><see cref="MaxDualViolation"/> = max over ALL pairs of (uᵢ + vⱼ − cᵢⱼ)₊ / S, with S = max|cᵢⱼ| (1 if every cost is 0);</item>
/// <item><see cref="DualityGap"/> = |Σcᵢⱼγᵢⱼ − (Σaᵢuᵢ + Σbⱼvⱼ)| / (M·S);</item>
/// <item><see cref="MaxSlacknessViolation"/> = max over γᵢⱼ &gt; 0 of |cᵢⱼ − uᵢ − vⱼ| / S.</item>
/// </list>
/// By weak duality the plan is optimal up to these residuals; the certificate <see cref="Holds"/> when all four are ≤ <see cref="Tolerance"/>.
/// </summary>
public sealed record TransportCertificate(
    double PrimalResidual, double MaxDualViolation, double DualityGap, double MaxSlacknessViolation, double Tolerance)
{
    /// <summary>True when every residual is at most <see cref="Tolerance"/> (NaN never holds).</summary>
    public bool Holds =>
        PrimalResidual <= Tolerance && MaxDualViolation <= Tolerance && DualityGap <= Tolerance && MaxSlacknessViolation <= Tolerance;

    /// <summary>The name of the first condition that fails, or null when the certificate holds.</summary>
    public string? Violation =>
        !(PrimalResidual <= Tolerance) ? $"primal feasibility (marginal residual {PrimalResidual:R} > {Tolerance:R})"
        : !(MaxDualViolation <= Tolerance) ? $"dual feasibility (max uᵢ+vⱼ−cᵢⱼ = {MaxDualViolation:R} > {Tolerance:R}, relative to max|c|)"
        : !(DualityGap <= Tolerance) ? $"zero duality gap (relative gap {DualityGap:R} > {Tolerance:R})"
        : !(MaxSlacknessViolation <= Tolerance) ? $"complementary slackness (relative {MaxSlacknessViolation:R} > {Tolerance:R})"
        : null;
}
