using ScottPlot;

namespace Verify.Figures.Plotting;

/// <summary>
/// The house style of every figure: one font with the glyphs the labels need (θ, ₁, ‖, ∇, ⁻), sizes chosen for print at
/// a two-column paper's text width, and the Okabe–Ito colour-blind-safe palette with one fixed colour per method.
/// <para>
/// Sizes are in logical pixels at 96 dpi: a figure is laid out about 660–720 px wide (≈ 7 in, the text width of a
/// two-column paper), so an 11 px tick label prints at ≈ 8 pt there and at ≈ 7.5 pt on a 6.75 in text block. PNGs are
/// drawn at <see cref="PngScale"/> times that size (so ≥ 1320 px wide); SVG and PDF at the logical size (PDF in points).
/// </para>
/// </summary>
public static class Style
{
    /// <summary>DejaVu Sans (Debian's fonts-dejavu-core): covers Greek, sub/superscripts and the math symbols used.</summary>
    public const string FontName = "DejaVu Sans";

    public const float TickFont = 11f;
    public const float LabelFont = 12.5f;
    public const float TitleFont = 13f;
    public const float LegendFont = 10.5f;
    public const float LineWidth = 2f;
    public const float MarkerSize = 7f;

    /// <summary>PNG pixels per logical pixel.</summary>
    public const double PngScale = 2.0;

    // Okabe & Ito (2008), "Color Universal Design".
    public static readonly Color Black = Color.FromHex("#000000");
    public static readonly Color Orange = Color.FromHex("#E69F00");
    public static readonly Color SkyBlue = Color.FromHex("#56B4E9");
    public static readonly Color Green = Color.FromHex("#009E73");
    public static readonly Color Yellow = Color.FromHex("#F0E442");
    public static readonly Color Blue = Color.FromHex("#0072B2");
    public static readonly Color Vermillion = Color.FromHex("#D55E00");
    public static readonly Color Purple = Color.FromHex("#CC79A7");
    public static readonly Color Gray = Color.FromHex("#666666");

    /// <summary>The colour of a method or exact quantity, the same in every figure.</summary>
    public static Color ColorOf(string method) => method switch
    {
        "wgan-clip" => Orange,
        "wgan-clip-n1" => SkyBlue,
        "wgan-clip-n5" => Orange,
        "wgan-clip-n10" => Purple,
        "wgan-gp" => Blue,
        "wgan-lp" => Green,
        "gan" or "gan-minimax" => Vermillion,
        "gan-nonsaturating" => Purple,
        "exact" or "exact-w1" => Black,
        "exact-js" => Gray,
        _ => SkyBlue,
    };

    /// <summary>The marker of a method's estimates (shape tells methods apart in grey-scale print too).</summary>
    public static MarkerShape MarkerOf(string method) => method switch
    {
        "wgan-clip" or "wgan-clip-n1" or "wgan-clip-n5" or "wgan-clip-n10" => MarkerShape.FilledTriangleUp,
        "wgan-gp" => MarkerShape.FilledCircle,
        "wgan-lp" => MarkerShape.FilledSquare,
        "gan" or "gan-minimax" => MarkerShape.FilledDiamond,
        "gan-nonsaturating" => MarkerShape.FilledTriangleDown,
        _ => MarkerShape.OpenCircle,
    };

    /// <summary>Colours of the exact quantities (black W₁; the others differ by colour as well as dash, since SVG has no dashes).</summary>
    public static readonly Color W1Color = Black;
    public static readonly Color JsColor = SkyBlue.Darken(0.15);
    public static readonly Color TvColor = Gray;
    public static readonly Color KlColor = Yellow.Darken(0.35);

    /// <summary>A tick label: up to 6 decimals, no thousands separator, a true minus sign (U+2212).</summary>
    public static string Number(double v)
    {
        double r = Math.Round(v, 10);
        if (r == 0) r = 0; // no "−0"
        return r.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture).Replace('-', '−');
    }

    /// <summary>How a method is named in legends.</summary>
    public static string LabelOf(string method) => method switch
    {
        "wgan-clip" => "WGAN critic, clipping (c = 0.01)",
        "wgan-gp" => "WGAN-GP critic (λ = 10)",
        "wgan-lp" => "WGAN-LP critic (λ = 10)",
        "gan" => "GAN discriminator",
        "gan-minimax" => "GAN, minimax loss",
        "gan-nonsaturating" => "GAN, non-saturating loss",
        _ => method,
    };

    /// <summary>Applies the fonts and sizes to a finished panel (call after adding every plottable and label).</summary>
    public static void Apply(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Font.Set(FontName);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontSize = LabelFont;
            axis.Label.Bold = false;
            axis.TickLabelStyle.FontSize = TickFont;
            // Linear numeric axes get Number's labels; log axes (LogScale, integer ticks only) keep their 10ⁿ labels.
            if (axis.TickGenerator is ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly: false } numeric)
                numeric.LabelFormatter = Number;
        }
        plot.Axes.Title.Label.FontSize = TitleFont;
        plot.Axes.Title.Label.Bold = true;
        plot.Legend.FontName = FontName;
        plot.Legend.FontSize = LegendFont;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.OutlineColor = Color.FromHex("#BBBBBB");
        plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.85);
        plot.Grid.MajorLineColor = Color.FromHex("#E6E6E6");
    }
}
