using System.Globalization;

namespace Verify.Theory;

/// <summary>
/// The dual side of W₁ (Kantorovich–Rubinstein): W₁(P, Q) = sup { E_P f − E_Q f : f 1-Lipschitz }.
/// For a function f known only at the support points, <see cref="Value"/> gives E_P f − E_Q f and
/// <see cref="EmpiricalLipschitz"/> the smallest L with |f(x) − f(y)| ≤ L‖x − y‖₂ over those points. Since any
/// L-Lipschitz function on a finite set extends to ℝᵈ with the same constant, Value ≤ L·W₁ always; a critic's
/// estimate Value / L is therefore a certified lower bound on W₁.
/// </summary>
public static class KantorovichDual
{
    /// <summary>
    /// E_P f − E_Q f = Σᵢ aᵢ f(xᵢ) − Σⱼ bⱼ f(yⱼ) with the weights as given; the two total masses must agree
    /// (within 1e-9 relative), as in transport — normalise explicitly for probability laws.
    /// </summary>
    public static double Value(DiscreteDistribution p, DiscreteDistribution q, double[] fOnP, double[] fOnQ)
    {
        Check(p, q, fOnP, fOnQ);
        Guard.SameMass(p, q);
        return Expectation(p, fOnP) - Expectation(q, fOnQ);
    }

    /// <summary>
    /// max |f(z) − f(z′)| / ‖z − z′‖₂ over all pairs of distinct points z, z′ of supp P ∪ supp Q (including pairs
    /// within P and within Q); 0 when there is one point. Two entries at the same coordinates must carry the same
    /// value (f is a function of the point): if they differ, the constant is +∞.
    /// </summary>
    /// <remarks>O((n+m)²·d) time over the n + m support points; every pair counts, whatever its weight.</remarks>
    public static double EmpiricalLipschitz(DiscreteDistribution p, DiscreteDistribution q, double[] fOnP, double[] fOnQ)
    {
        Check(p, q, fOnP, fOnQ);
        int n = p.Count, m = q.Count, d = p.Dimension, total = n + m;
        var pts = new double[total * d];
        p.Points.CopyTo(pts);
        q.Points.CopyTo(pts.AsSpan(n * d));
        var f = new double[total];
        fOnP.CopyTo(f, 0);
        fOnQ.CopyTo(f, n);

        double best = 0;
        for (int i = 0; i < total; i++)
        {
            ReadOnlySpan<double> zi = pts.AsSpan(i * d, d);
            for (int j = i + 1; j < total; j++)
            {
                ReadOnlySpan<double> zj = pts.AsSpan(j * d, d);
                double s = 0;
                for (int k = 0; k < d; k++)
                {
                    double t = zi[k] - zj[k];
                    s += t * t;
                }
                double df = Math.Abs(f[i] - f[j]);
                if (s == 0)
                {
                    if (df != 0) return double.PositiveInfinity;
                    continue;
                }
                double ratio = df / Math.Sqrt(s);
                if (ratio > best) best = ratio;
            }
        }
        return best;
    }

    /// <summary>
    /// The 1-Lipschitz extension of dual potentials: given values uᵢ at the points xᵢ of <paramref name="p"/>,
    /// returns φ(z) = maxᵢ (uᵢ − ‖xᵢ − z‖₂) at every point z of <paramref name="at"/>. With the Euclidean cost c,
    /// φ = −u^c where u^c(z) = minᵢ (c(xᵢ, z) − uᵢ) is the c-transform. φ is 1-Lipschitz on ℝᵈ, and φ(xₖ) = uₖ for
    /// every k when u is itself 1-Lipschitz on supp P — true of the optimal potentials u of W₁ wherever P has
    /// positive mass (each such xₖ ships mass to some y with uₖ + v(y) = ‖xₖ − y‖). So f = u on P and f = φ on Q is
    /// a 1-Lipschitz critic with E_P f − E_Q f = W₁(P, Q). In floating point φ(xₖ) and uₖ may differ in the last bit;
    /// when P and Q share a point, evaluate φ at P's points too (CTransform(p, u, p)) so that the point gets one value —
    /// <see cref="EmpiricalLipschitz"/> treats two values at one point as a constant of +∞.
    /// </summary>
    public static double[] CTransform(DiscreteDistribution p, double[] u, DiscreteDistribution at)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(at);
        Guard.SameDimension(p, at);
        Values(u, p.Count, nameof(u), "P");
        int d = p.Dimension;
        var phi = new double[at.Count];
        for (int j = 0; j < at.Count; j++)
        {
            ReadOnlySpan<double> z = at.Point(j);
            double best = double.NegativeInfinity;
            for (int i = 0; i < p.Count; i++)
            {
                ReadOnlySpan<double> x = p.Point(i);
                double s = 0;
                for (int k = 0; k < d; k++)
                {
                    double t = x[k] - z[k];
                    s += t * t;
                }
                double c = u[i] - Math.Sqrt(s);
                if (c > best) best = c;
            }
            phi[j] = best;
        }
        return phi;
    }

    private static double Expectation(DiscreteDistribution law, double[] f)
    {
        ReadOnlySpan<double> w = law.Weights;
        double s = 0;
        for (int i = 0; i < w.Length; i++) s += w[i] * f[i];
        return s;
    }

    private static void Check(DiscreteDistribution p, DiscreteDistribution q, double[] fOnP, double[] fOnQ)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(fOnP);
        ArgumentNullException.ThrowIfNull(fOnQ);
        Guard.SameDimension(p, q);
        Values(fOnP, p.Count, nameof(fOnP), "P");
        Values(fOnQ, q.Count, nameof(fOnQ), "Q");
    }

    private static void Values(double[] f, int count, string name, string law)
    {
        if (f.Length != count)
            throw new ArgumentException($"{name} has {f.Length} values, {law} has {count} support points", name);
        for (int i = 0; i < f.Length; i++)
            if (double.IsNaN(f[i]) || double.IsInfinity(f[i]))
                throw new ArgumentException($"{name}[{i}] is {f[i].ToString("R", CultureInfo.InvariantCulture)}; f must be finite", name);
    }
}
