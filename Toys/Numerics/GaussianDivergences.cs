namespace Verify.Toys.Numerics;

/// <summary>
/// JS between two 1-D Gaussians P = N(μ₁, σ₁²), Q = N(μ₂, σ₂²) and its derivatives in (μ₂, σ₂), by quadrature
/// (no closed form exists). JS = ½∫p·ln(2p/(p+q)) + ½∫q·ln(2q/(p+q)), with ln(2p/(p+q)) = ln 2 − softplus(ln q − ln p)
/// evaluated from log-densities so nothing underflows. Each half is integrated over its own window μ ± 12σ
/// (the mass outside is 2Φ(−12) ≈ 4·10⁻³³) with panels no wider than min(σ₁, σ₂)/2.
/// The derivative in a parameter η of Q is ∂JS/∂η = ½∫ ∂_η q · ln(q/m) dx, m = ½(p+q) (the terms through m cancel).
/// Computed only when max(σ)/min(σ) ≤ 10³ (otherwise the panel count explodes); callers report null beyond.
/// </summary>
internal static class GaussianDivergences
{
    private const double Window = 12.0;
    private const double Ln2 = 0.6931471805599453094172321;

    /// <summary>Largest σ ratio for which the quadrature is run.</summary>
    public const double MaxSigmaRatio = 1e3;

    public static bool Supported(double s1, double s2) => Math.Max(s1, s2) / Math.Min(s1, s2) <= MaxSigmaRatio;

    public static double JS(double mu1, double s1, double mu2, double s2)
    {
        // JS is invariant under x ↦ (x − μ₁)/σ₁: integrate N(0, 1) against N((μ₂ − μ₁)/σ₁, (σ₂/σ₁)²), so the windows sit
        // where doubles resolve σ (at μ = 10³⁰⁸ the spacing of doubles is 10²⁹², and N(0,1) vs N(10³⁰⁸,1) came out
        // ½ ln 2 instead of ln 2) and no density overflows (σ = 10⁻³⁰⁰ gave NaN).
        (mu2, s2) = Standardise(mu1, s1, mu2, s2);
        if (Separated(mu2, 1.0, s2)) return Ln2;
        mu1 = 0.0;
        s1 = 1.0;
        double panel = 0.5 * Math.Min(s1, s2);
        double a = Quadrature.Integrate(x => Half(x, mu1, s1, mu2, s2), mu1 - Window * s1, mu1 + Window * s1, panel);
        double b = Quadrature.Integrate(x => Half(x, mu2, s2, mu1, s1), mu2 - Window * s2, mu2 + Window * s2, panel);
        double js = 0.5 * (a + b);
        return Math.Clamp(js, 0.0, Ln2);
    }

    /// <summary>∂JS/∂μ₂ (computed in standardised units, where it is σ₁ times the original).</summary>
    public static double DJSDMean2(double mu1, double s1, double mu2, double s2)
    {
        var (m, s) = Standardise(mu1, s1, mu2, s2);
        return DerivativeOfQ(m, s, (d, q) => q * d / (s * s)) / s1;
    }

    /// <summary>∂JS/∂σ₂ (computed in standardised units, where it is σ₁ times the original).</summary>
    public static double DJSDSigma2(double mu1, double s1, double mu2, double s2)
    {
        var (m, s) = Standardise(mu1, s1, mu2, s2);
        return DerivativeOfQ(m, s, (d, q) => q * (d * d / (s * s * s) - 1.0 / s)) / s1;
    }

    // Q's parameters after x ↦ (x − μ₁)/σ₁ (P becomes N(0, 1)); an overflowing mean means the laws are far apart.
    private static (double Mu, double Sigma) Standardise(double mu1, double s1, double mu2, double s2) =>
        ((mu2 - mu1) / s1, s2 / s1);

    /// <summary>
    /// |μ₂ − μ₁| ≥ 40(σ₁ + σ₂) (or overflows): every point is ≥ 20σ from one of the means, so ∫min(p, q) ≤ 2Φ(−20)
    /// ≈ 6·10⁻⁸⁹ and ln 2 − JS (and ∂JS) are below 10⁻⁸⁰: JS = ln 2 and its derivatives 0 to double precision.
    /// </summary>
    private static bool Separated(double shift, double s1, double s2) => !(Math.Abs(shift) < 40.0 * (s1 + s2));

    // p·ln(2p/(p+q)) at x, p = N(mu, s²), q = N(muO, sO²).
    private static double Half(double x, double mu, double s, double muO, double sO)
    {
        double lp = LogDensity(x, mu, s), lq = LogDensity(x, muO, sO);
        return Math.Exp(lp) * (Ln2 - StandardNormal.Softplus(lq - lp));
    }

    // ½∫ ∂_η q · ln(q/m) dx for P = N(0, 1), Q = N(mu2, s2²); dq(x − μ₂, q(x)) = ∂_η q.
    private static double DerivativeOfQ(double mu2, double s2, Func<double, double, double> dq)
    {
        const double mu1 = 0.0, s1 = 1.0;
        if (Separated(mu2, s1, s2)) return 0.0;
        double panel = 0.5 * Math.Min(s1, s2);
        double integral = Quadrature.Integrate(x =>
        {
            double lp = LogDensity(x, mu1, s1), lq = LogDensity(x, mu2, s2);
            return dq(x - mu2, Math.Exp(lq)) * (Ln2 - StandardNormal.Softplus(lp - lq));
        }, mu2 - Window * s2, mu2 + Window * s2, panel);
        return 0.5 * integral;
    }

    private static double LogDensity(double x, double mu, double s)
    {
        double z = (x - mu) / s;
        return StandardNormal.LogDensity(z) - Math.Log(s);
    }
}
