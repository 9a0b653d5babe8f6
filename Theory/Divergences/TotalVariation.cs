namespace Verify.Theory;

/// <summary>
/// Total variation distance TV(P, Q) = ½‖p − q‖₁ = ½ Σᵢ |pᵢ − qᵢ| = sup_A |P(A) − Q(A)|, in [0, 1];
/// 1 exactly when the supports are disjoint.
/// </summary>
internal static class TotalVariation
{
    public static double Distance(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double sum = 0, overlap = 0;
        for (int i = 0; i < p.Length; i++)
        {
            sum += Math.Abs(p[i] - q[i]);
            overlap += Math.Min(p[i], q[i]);
        }
        // For probability vectors ½Σ|p − q| = 1 − Σ min(p, q). Near 0 the first form keeps relative precision; near 1 the
        // second does (disjoint supports give exactly 1, where ½Σ|p − q| over 2n atoms of mass 1/n is 1 only to
        // rounding). Masses are 1 only to rounding (twenty weights 1/20 sum to 1 + 2⁻⁵²), so the result is capped at 1.
        return overlap < 0.5 ? Math.Max(0.0, 1.0 - overlap) : Math.Min(1.0, 0.5 * sum);
    }
}
