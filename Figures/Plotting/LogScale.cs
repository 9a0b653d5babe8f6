using System.Globalization;
using System.Text;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Verify.Figures.Plotting;

/// <summary>
/// Logarithmic axes. ScottPlot 5 draws linear axes only, so a log axis is a linear axis over log₁₀ of the data, with
/// major ticks at the integer powers labelled 10ⁿ and minor ticks at 2·10ⁿ … 9·10ⁿ. Plot <see cref="Log10(double)"/> of the
/// values and call <see cref="Y"/> (or <see cref="X"/>) on the panel.
/// </summary>
public static class LogScale
{
    /// <summary>log₁₀ v for v &gt; 0; values ≤ 0 (or not finite) have no place on a log axis and become NaN (not drawn).</summary>
    public static double Log10(double v) => v > 0 && double.IsFinite(v) ? Math.Log10(v) : double.NaN;

    /// <summary>Element-wise <see cref="Log10(double)"/>.</summary>
    public static double[] Log10(IEnumerable<double> values) => values.Select(Log10).ToArray();

    /// <summary>Makes the panel's left axis logarithmic (data must already be log₁₀).</summary>
    public static void Y(Plot plot) => plot.Axes.Left.TickGenerator = Ticks();

    /// <summary>Makes the panel's bottom axis logarithmic (data must already be log₁₀).</summary>
    public static void X(Plot plot) => plot.Axes.Bottom.TickGenerator = Ticks();

    /// <summary>"10ⁿ" with a Unicode superscript exponent, e.g. 10⁻³.</summary>
    public static string PowerLabel(double exponent)
    {
        int n = (int)Math.Round(exponent);
        if (n == 0) return "1";
        if (n == 1) return "10";
        var sb = new StringBuilder("10");
        foreach (char c in n.ToString(CultureInfo.InvariantCulture)) sb.Append(Superscript(c));
        return sb.ToString();
    }

    private static NumericAutomatic Ticks() => new()
    {
        IntegerTicksOnly = true,
        MinorTickGenerator = new LogMinorTickGenerator(),
        LabelFormatter = PowerLabel,
    };

    private static char Superscript(char c) => c switch
    {
        '-' => '⁻',
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        _ => c,
    };
}
