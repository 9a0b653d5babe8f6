using MathNet.Numerics;
using MathNet.Numerics.RootFinding;

namespace Verify.Toys.Tests.Support;

/// <summary>
/// Independent numerical routes used as references: MathNet's adaptive double-exponential quadrature and Brent's root
/// finder, never the formulas under test.
/// </summary>
internal static class Reference
{
    /// <summary>
    /// TV = ½∫|p − q| over [a, b], splitting at every sign change of p − q found by scanning 3989 cells and Brent's
    /// method, so the integrand is smooth on every piece.
    /// </summary>
    public static double TotalVariation(Func<double, double> p, Func<double, double> q, double a, double b)
    {
        Func<double, double> diff = x => p(x) - q(x);
        var cuts = new List<double> { a };
        const int cells = 3989;   // odd, so a crossing at the symmetric midpoint is inside a cell, not on an edge
        double h = (b - a) / cells;
        for (int i = 0; i < cells; i++)
        {
            double l = a + i * h, r = l + h, dl = diff(l);
            if (dl == 0 && i > 0) cuts.Add(l);
            else if (Math.Sign(dl) * Math.Sign(diff(r)) < 0) cuts.Add(Brent.FindRoot(diff, l, r, 1e-14, 200));
        }
        cuts.Add(b);
        double total = 0;
        for (int k = 0; k + 1 < cuts.Count; k++)
            total += Math.Abs(Integrate.OnClosedInterval(diff, cuts[k], cuts[k + 1], 1e-13));
        return 0.5 * total;
    }

    /// <summary>∫ f over [a, b] by MathNet's double-exponential rule on 64 equal pieces.</summary>
    public static double Integral(Func<double, double> f, double a, double b)
    {
        double total = 0, h = (b - a) / 64;
        for (int i = 0; i < 64; i++) total += Integrate.OnClosedInterval(f, a + i * h, a + (i + 1) * h, 1e-14);
        return total;
    }
}
