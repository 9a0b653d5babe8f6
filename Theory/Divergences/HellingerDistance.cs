namespace Verify.Theory;

/// <summary>
/// Hellinger distance H(P, Q) = √(½ Σᵢ (√pᵢ − √qᵢ)²), in [0, 1]; H² = 1 − Σᵢ √(pᵢqᵢ).
/// With this normalisation H² ≤ TV ≤ √2·H.
/// </summary>
/// <remarks>Summed as squared differences of square roots when P ≈ Q (1 − Σ√(pq) would cancel), and as 1 − Σ√(pq) when the
/// laws are far apart (exactly 1 on disjoint supports).</remarks>
internal static class HellingerDistance
{
    public static double Distance(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double sum = 0, affinity = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double d = Math.Sqrt(p[i]) - Math.Sqrt(q[i]);
            sum += d * d;
            affinity += Math.Sqrt(p[i] * q[i]);
        }
        // Near H = 0 the squared differences keep precision; near H = 1 the Bhattacharyya form 1 − Σ√(pq) does
        // (disjoint supports give exactly 1).
        return affinity < 0.5 ? Math.Sqrt(Math.Max(0.0, 1.0 - affinity)) : Math.Min(1.0, Math.Sqrt(0.5 * sum));
    }
}
