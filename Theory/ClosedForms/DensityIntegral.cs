using System.Globalization;

namespace Verify.Theory;

/// <summary>
/// ∫ₐᵇ h(x) dx for integrands built from densities given as functions, by globally adaptive Gauss–Kronrod quadrature
/// (<see cref="AdaptiveQuadrature"/>) over the pieces between optional breakpoints, to 1e-13 + 1e-12·∫|h|. Breakpoints
/// where a density jumps are not required but save work. The result is refused (InvalidOperationException) when the
/// error estimate does not meet the tolerance within 20 000 pieces, so a number returned is one the rule vouches for.
/// </summary>
internal static class DensityIntegral
{
    public const double RelativeTolerance = 1e-12;
    public const double AbsoluteTolerance = 1e-13;

    public static double Integrate(Func<double, double> h, double a, double b, IReadOnlyList<double>? breakpoints)
    {
        var r = AdaptiveQuadrature.Integrate(h, a, b, RelativeTolerance, AbsoluteTolerance, breakpoints);
        if (!r.Converged)
            throw new InvalidOperationException(
                $"the integral over [{F(a)}, {F(b)}] did not converge (error estimate {F(r.Error)} after {r.Pieces} pieces); " +
                "is a density unbounded or wildly oscillating? breakpoints at its singular points may help");
        return r.Value;
    }

    /// <summary>Evaluates a density and checks that its value is finite and ≥ 0.</summary>
    public static double Density(Func<double, double> f, double x, string name)
    {
        double v = f(x);
        if (double.IsNaN(v) || double.IsInfinity(v) || v < 0)
            throw new ArgumentException($"density {name}({F(x)}) = {F(v)}; a density must be finite and non-negative", name);
        return v;
    }

    public static void CheckInterval(double a, double b)
    {
        Guard.Finite(a, "a", nameof(a));
        Guard.Finite(b, "b", nameof(b));
        if (!(b > a)) throw new ArgumentException($"the interval [a, b] = [{F(a)}, {F(b)}] is empty: b must exceed a", nameof(b));
    }

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
