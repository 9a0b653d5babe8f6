namespace Verify.Theory;

/// <summary>
/// Hellinger distance H(P, Q) = √(½ Σᵢ (√pᵢ − √qᵢ)²), in [0, 1]; H² = 1 − Σᵢ √(pᵢqᵢ).
/// With this normalisation H² ≤ TV ≤ √2·H.
/// </summary>
/// <remarks>Summed as squared differences of square roots, which keeps precision when P ≈ Q (1 − Σ√(pq) would cancel).</remarks>
internal static class HellingerDistance
{
    public static double Distance(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double d = Math.Sqrt(p[i]) - Math.Sqrt(q[i]);
            sum += d * d;
        }
        return Math.Min(1.0, Math.Sqrt(0.5 * sum));
    }
}
