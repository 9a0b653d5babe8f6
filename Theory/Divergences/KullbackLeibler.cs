namespace Verify.Theory;

/// <summary>
/// Kullback–Leibler divergence KL(P‖Q) = Σᵢ pᵢ log(pᵢ/qᵢ) of two probability vectors on the same atoms, in nats,
/// with the conventions 0·log(0/q) = 0 and p·log(p/0) = +∞ for p &gt; 0: KL is +∞ exactly when supp P ⊄ supp Q.
/// </summary>
/// <remarks>
/// Summed in the Bregman form Σᵢ [pᵢ log(pᵢ/qᵢ) − pᵢ + qᵢ], which equals KL when Σp = Σq = 1 and whose every term is
/// ≥ 0 (log x ≤ x − 1); a term made negative by rounding is taken as 0, so the result is never below 0.
/// SciPy's <c>scipy.stats.entropy(p, q)</c> computes the same quantity (after normalising its inputs).
/// </remarks>
internal static class KullbackLeibler
{
    public static double Divergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i], qi = q[i];
            if (pi == 0) { sum += qi; continue; }
            if (qi == 0) return double.PositiveInfinity;
            double term = pi * Math.Log(pi / qi) - pi + qi;
            if (term > 0) sum += term;
        }
        return sum;
    }
}
