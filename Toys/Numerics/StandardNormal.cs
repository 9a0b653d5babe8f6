using MathNet.Numerics;

namespace Verify.Toys.Numerics;

/// <summary>The standard normal law: density φ(x) = e^{−x²/2}/√(2π), distribution Φ(x) = ½ erfc(−x/√2).</summary>
public static class StandardNormal
{
    /// <summary>1/√(2π).</summary>
    public const double InvSqrt2Pi = 0.3989422804014326779399461;

    /// <summary>ln √(2π).</summary>
    public const double LogSqrt2Pi = 0.9189385332046727417803297;

    /// <summary>φ(x).</summary>
    public static double Density(double x) => InvSqrt2Pi * Math.Exp(-0.5 * x * x);

    /// <summary>ln φ(x).</summary>
    public static double LogDensity(double x) => -0.5 * x * x - LogSqrt2Pi;

    /// <summary>Φ(x) = P(Z ≤ x), accurate in both tails (through erfc).</summary>
    public static double Cdf(double x) => 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2.0));

    /// <summary>ln(1 + eᵗ) without overflow, and to full relative precision for very negative t.</summary>
    internal static double Softplus(double t) => t > 0 ? t + Log1p(Math.Exp(-t)) : Log1p(Math.Exp(t));

    /// <summary>ln(1 + u) for u ≥ 0 to full relative precision: ln(w)·u/(w − 1) with w = 1 + u (Goldberg 1991, Thm 4).</summary>
    internal static double Log1p(double u)
    {
        double w = 1.0 + u;
        return w == 1.0 ? u : Math.Log(w) * u / (w - 1.0);
    }
}
