namespace Verify.Theory;

/// <summary>
/// Jensen–Shannon divergence JS(P, Q) = ½ KL(P‖M) + ½ KL(Q‖M), M = ½(P + Q), in nats: symmetric, finite,
/// 0 ≤ JS ≤ log 2, with JS = log 2 exactly when the supports are disjoint. Its square root is the JS distance
/// (a metric) — the quantity SciPy's <c>scipy.spatial.distance.jensenshannon</c> returns.
/// </summary>
/// <remarks>
/// Summed atom by atom as ½[pᵢ log(2pᵢ/(pᵢ+qᵢ)) + qᵢ log(2qᵢ/(pᵢ+qᵢ))], a quantity in [0, ½(pᵢ+qᵢ) log 2] by the
/// log-sum inequality; an atom carried by one law only contributes exactly ½·mass·log 2. A term made negative by
/// rounding is taken as 0, and the sum is capped at log 2 (see the code comment).
/// </remarks>
internal static class JensenShannon
{
    public static double Divergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double ln2 = Math.Log(2.0);
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i], qi = q[i];
            if (pi == 0 && qi == 0) continue;
            if (qi == 0) { sum += 0.5 * pi * ln2; continue; }
            if (pi == 0) { sum += 0.5 * qi * ln2; continue; }
            double m = 0.5 * (pi + qi);
            double term = 0.5 * (pi * Math.Log(pi / m) + qi * Math.Log(qi / m));
            if (term > 0) sum += term;
        }
        // JS ≤ ½(Σp + Σq)·log 2 = log 2; the masses are 1 only to rounding, which must not report a JS above log 2.
        return Math.Min(ln2, sum);
    }
}
