using Verify.Figures.Plotting;
using Xunit;

namespace Verify.Figures.Tests.Plotting;

public sealed class StyleTests
{
    [Theory]
    [InlineData(-0.5, "−0.5")]
    [InlineData(1000, "1000")]
    [InlineData(0.30000000000000004, "0.3")]
    [InlineData(-1e-17, "0")]
    [InlineData(2.5e-7, "0")]
    [InlineData(-12, "−12")]
    public void NumbersUseATrueMinusAndNoThousandsSeparator(double v, string expected) => Assert.Equal(expected, Style.Number(v));

    [Fact]
    public void EveryMethodHasItsOwnColourAndMarker()
    {
        string[] methods = ["wgan-clip", "wgan-gp", "wgan-lp", "gan-minimax", "gan-nonsaturating"];
        Assert.Equal(methods.Length, methods.Select(Style.ColorOf).Distinct().Count());
        Assert.Equal(methods.Length, methods.Select(Style.MarkerOf).Distinct().Count());
        string[] f6 = ["gan", "wgan-clip-n1", "wgan-clip-n5", "wgan-clip-n10", "wgan-gp"];
        Assert.Equal(f6.Length, f6.Select(Style.ColorOf).Distinct().Count());
    }

    [Fact]
    public void TickLabelsPrintAtLeastSevenPointAtTwoColumnWidth()
    {
        // The widest figure is 750 logical px (96 dpi); at a 6.75 in text width its 11 px tick labels print at:
        double points = Style.TickFont * (6.75 * 96 / 750) * 72 / 96;
        Assert.True(points >= 7, $"{points:F2} pt");
    }
}
