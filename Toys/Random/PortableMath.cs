namespace Verify.Toys.Random;

/// <summary>
/// ln, sin and cos built only from correctly rounded IEEE operations (+, −, ×, ÷) and bit manipulation, so their
/// results — unlike the platform's libm behind <see cref="Math.Log(double)"/> — are the same bits on every machine.
/// Accuracy is a few ulp (checked against <see cref="Math"/> in the tests), which is all a sampler needs; what matters
/// here is reproducibility.
/// </summary>
public static class PortableMath
{
    // ln 2 split so that e·Ln2Hi is exact for |e| < 2¹¹ (the high part has 32 significant bits).
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Sqrt2 = 1.4142135623730951;

    // π/2 = PiO2A + PiO2B + PiO2C to about 2⁻¹⁵⁰; PiO2A and PiO2B have 33 significant bits so k·PiO2A and k·PiO2B
    // are exact for |k| < 2²⁰ (these are the digits of π/2, split as in Cody &amp; Waite's reduction).
    private const double PiO2A = 1.57079632673412561417e+00;
    private const double PiO2B = 6.07710050630396597660e-11;
    private const double PiO2C = 2.02226624871116645580e-21;
    private const double TwoOverPi = 6.36619772367581382433e-01;

    /// <summary>
    /// ln x for x &gt; 0: x = m·2ᵉ with m ∈ [√½, √2), s = (m−1)/(m+1), ln m = 2·atanh s = 2(s + s³/3 + s⁵/5 + …)
    /// (|s| ≤ 0.1716, the series cut after s²³), ln x = e·ln 2 + ln m. Throws for x ≤ 0, NaN or +∞.
    /// </summary>
    public static double Log(double x)
    {
        if (!(x > 0) || double.IsPositiveInfinity(x))
            throw new ArgumentException($"Log needs a positive finite argument, got {x:R}", nameof(x));
        long bits = BitConverter.DoubleToInt64Bits(x);
        int e = (int)((bits >> 52) & 0x7FF);
        if (e == 0) // subnormal: scale by 2⁵⁴ first
        {
            bits = BitConverter.DoubleToInt64Bits(x * 18014398509481984.0);
            e = (int)((bits >> 52) & 0x7FF) - 54;
        }
        int exponent = e - 1023;
        double m = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        if (m >= Sqrt2)
        {
            m *= 0.5;
            exponent++;
        }
        double s = (m - 1.0) / (m + 1.0);
        double s2 = s * s;
        double series = 1.0 / 23.0;
        for (int k = 21; k >= 1; k -= 2) series = series * s2 + 1.0 / k;
        double lnM = 2.0 * s * series;
        return exponent * Ln2Hi + (exponent * Ln2Lo + lnM);
    }

    /// <summary>sin x for |x| ≤ 10⁵ (π/2 reduction, then Taylor polynomials on [−π/4, π/4]).</summary>
    public static double Sin(double x)
    {
        (int quadrant, double r) = Reduce(x);
        return (quadrant & 3) switch
        {
            0 => SinKernel(r),
            1 => CosKernel(r),
            2 => -SinKernel(r),
            _ => -CosKernel(r),
        };
    }

    /// <summary>cos x for |x| ≤ 10⁵ (π/2 reduction, then Taylor polynomials on [−π/4, π/4]).</summary>
    public static double Cos(double x)
    {
        (int quadrant, double r) = Reduce(x);
        return (quadrant & 3) switch
        {
            0 => CosKernel(r),
            1 => -SinKernel(r),
            2 => -CosKernel(r),
            _ => SinKernel(r),
        };
    }

    private static (int Quadrant, double R) Reduce(double x)
    {
        if (double.IsNaN(x) || !(Math.Abs(x) <= 1e5))
            throw new ArgumentException($"Sin/Cos support |x| ≤ 1e5, got {x:R}", nameof(x));
        double k = Math.Round(x * TwoOverPi, MidpointRounding.ToEven);
        double r = ((x - k * PiO2A) - k * PiO2B) - k * PiO2C;
        return ((int)k, r);
    }

    // sin r = r − r³/3! + … − r¹⁹/19!, |r| ≤ π/4 (+ a little): truncation below 10⁻¹⁹.
    private static double SinKernel(double r)
    {
        double r2 = r * r;
        double p = -1.0 / 121645100408832000.0;       // −1/19!
        p = p * r2 + 1.0 / 355687428096000.0;          // 1/17!
        p = p * r2 - 1.0 / 1307674368000.0;            // −1/15!
        p = p * r2 + 1.0 / 6227020800.0;               // 1/13!
        p = p * r2 - 1.0 / 39916800.0;                 // −1/11!
        p = p * r2 + 1.0 / 362880.0;                   // 1/9!
        p = p * r2 - 1.0 / 5040.0;                     // −1/7!
        p = p * r2 + 1.0 / 120.0;                      // 1/5!
        p = p * r2 - 1.0 / 6.0;                        // −1/3!
        return r + r * r2 * p;
    }

    // cos r = 1 − r²/2! + … + r²⁰/20!, |r| ≤ π/4 (+ a little).
    private static double CosKernel(double r)
    {
        double r2 = r * r;
        double p = 1.0 / 2432902008176640000.0;       // 1/20!
        p = p * r2 - 1.0 / 6402373705728000.0;         // −1/18!
        p = p * r2 + 1.0 / 20922789888000.0;           // 1/16!
        p = p * r2 - 1.0 / 87178291200.0;              // −1/14!
        p = p * r2 + 1.0 / 479001600.0;                // 1/12!
        p = p * r2 - 1.0 / 3628800.0;                  // −1/10!
        p = p * r2 + 1.0 / 40320.0;                    // 1/8!
        p = p * r2 - 1.0 / 720.0;                      // −1/6!
        p = p * r2 + 1.0 / 24.0;                       // 1/4!
        double tail = r2 * r2 * p;                     // r⁴/4! − …
        double half = 0.5 * r2;
        double w = 1.0 - half;
        return w + (((1.0 - w) - half) + tail);        // 1 − r²/2 + tail with the rounding of 1 − r²/2 recovered
    }
}
