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
        return 0.5 * sum;
    }
}
