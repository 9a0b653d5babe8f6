namespace Verify.Theory;

/// <summary>
/// The certificate of a transport plan γ with dual potentials (u, v): a bound on the error of the value
/// P = Σcᵢⱼγᵢⱼ RELATIVE TO THE VALUE ITSELF.
/// <para>
/// Weak duality: for every feasible plan γ′ and sᵢⱼ = (uᵢ + vⱼ − cᵢⱼ)₊,
/// Σcᵢⱼγ′ᵢⱼ ≥ D − Σsᵢⱼγ′ᵢⱼ with D = Σaᵢuᵢ + Σbⱼvⱼ. The violation term is bounded by
/// V = min(M·max sᵢⱼ, Σᵢ aᵢ·maxⱼ sᵢⱼ, Σᵢⱼ min(aᵢ, bⱼ)·sᵢⱼ) (since γ′ᵢⱼ ≤ min(aᵢ, bⱼ) and Σⱼγ′ᵢⱼ = aᵢ), so the optimum
/// lies in [D − V, P] and |P − OPT| ≤ E = |P − D| + V. Also OPT ≥ M·min cᵢⱼ, so E = min(|P − D| + V, P − M·min c).
/// The weighted forms matter for outliers: a far atom of tiny mass sees violations at the rounding of its large
/// costs, which its tiny mass makes harmless.
/// </para>
/// <para>
/// Every quantity below is relative to the scale max(|P|, F), where the floor F = 2⁻⁵²·M·max|cᵢⱼ| (M = Σaᵢ) is the
/// rounding unit of the most expensive conceivable plan: a value above F is certified to <see cref="Tolerance"/>
/// relative to itself; a value below it (W = 0 between equal laws, or a cancellation of negative costs) to the
/// absolute error <see cref="Tolerance"/>·F.
/// </para>
/// <list type="bullet">
/// <item><see cref="PrimalResidual"/> = maxᵢ,ⱼ(|Σⱼγᵢⱼ − aᵢ|, |Σᵢγᵢⱼ − bⱼ|) / max(Σa, Σb), and γ ≥ 0 (a negative entry makes it +∞);</item>
/// <item><see cref="DualityGap"/> = |P − D| / scale;</item>
/// <item><see cref="MaxDualViolation"/> = M·max over ALL pairs of sᵢⱼ / scale (the plain bound on the violation term);</item>
/// <item><see cref="DualViolation"/> = V / scale (≤ MaxDualViolation: the bound used);</item>
/// <item><see cref="ErrorBound"/> = E / scale: the certified relative error of the value.</item>
/// </list>
/// The certificate <see cref="Holds"/> when PrimalResidual ≤ <see cref="Tolerance"/> and ErrorBound ≤ Tolerance.
/// The sums are compensated, but the certificate is evaluated in double precision like the solve it checks.
/// </summary>
public sealed record TransportCertificate(
    double PrimalResidual, double DualityGap, double MaxDualViolation, double DualViolation, double ErrorBound,
    double Scale, double Floor, double Tolerance)
{
    /// <summary>The factor 2⁻⁵² in the floor F = 2⁻⁵²·M·max|cᵢⱼ|.</summary>
    public const double FloorFactor = 2.220446049250313e-16;

    /// <summary>True when the plan is feasible and the value's relative error bound is within <see cref="Tolerance"/> (NaN never holds).</summary>
    public bool Holds => PrimalResidual <= Tolerance && ErrorBound <= Tolerance;

    /// <summary>The name of the first condition that fails, or null when the certificate holds.</summary>
    public string? Violation =>
        !(PrimalResidual <= Tolerance) ? $"primal feasibility (marginal residual {PrimalResidual:R} > {Tolerance:R})"
        : !(ErrorBound <= Tolerance)
            ? $"relative error bound {ErrorBound:R} > {Tolerance:R} (duality gap {DualityGap:R} + dual violation {DualViolation:R}, relative to max(|value|, floor) = {Scale:R})"
        : null;
}
