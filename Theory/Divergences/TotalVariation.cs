namespace Verify.Theory;

/// <summary>
/// Total variation distance TV(P, Q) = ½‖p − q‖₁ = ½ Σᵢ |pᵢ − qᵢ| = sup_A |P(A) − Q(A)|, in [0, 1];
/// 1 exactly when the supports are disjoint.
/// </summary>
internal static class TotalVariation
{
    public static double Distance(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double sum = 0;
        for (int i = 0; i < p.Length; i++) sum += Math.Abs(p[i] - q[i]);
        // For probability vectors ½Σ|p − q| ≤ ½(Σp + Σq) = 1; masses are 1 only to rounding (e.g. twenty weights 1/20
        // sum to 1 + 2⁻⁵²), which must not report a TV above 1.
        return Math.Min(1.0, 0.5 * sum);
    }
}
