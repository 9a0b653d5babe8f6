using System.Globalization;
using MathNet.Numerics;

namespace Verify.Theory;

/// <summary>
/// ∫ₐᵇ h(x) dx for integrands built from densities given as functions, by MathNet's adaptive 21-point Gauss–Kronrod
/// rule (target relative error 1e-12, at most 20 bisections) on each piece between optional breakpoints. A jump inside a
/// piece defeats the rule (its error estimate stays large), so put breakpoints where a density jumps. The result is
/// refused (InvalidOperationException) when the rule's own error estimate exceeds 1e-12 + 1e-9·∫|h|, so a number
/// returned is one the rule vouches for.
/// </summary>
internal static class DensityIntegral
{
    public const double RelativeTolerance = 1e-12;
    public const double AbsoluteTolerance = 1e-12;
    private const int MaximumDepth = 20;
    private const int Order = 21;

    public static double Integrate(Func<double, double> h, double a, double b, IReadOnlyList<double>? breakpoints)
    {
        var cuts = new List<double> { a };
        if (breakpoints is not null)
            foreach (double c in breakpoints.Order())
            {
                Guard.Finite(c, "a breakpoint", nameof(breakpoints));
                if (c > cuts[^1] && c < b) cuts.Add(c);
            }
        cuts.Add(b);
        double sum = 0, err = 0, l1 = 0;
        for (int k = 0; k + 1 < cuts.Count; k++)
        {
            sum += MathNet.Numerics.Integrate.GaussKronrod(h, cuts[k], cuts[k + 1], out double e, out double n1, RelativeTolerance, MaximumDepth, Order);
            err += e;
            l1 += n1;
        }
        double allowed = AbsoluteTolerance + 1e-9 * l1;
        if (!(err <= allowed))
            throw new InvalidOperationException(
                $"the integral over [{F(a)}, {F(b)}] did not converge (error estimate {F(err)}, allowed {F(allowed)}); " +
                "pass the points where a density jumps as breakpoints");
        return sum;
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
