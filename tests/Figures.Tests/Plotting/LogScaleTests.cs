using Verify.Figures.Plotting;
using Xunit;

namespace Verify.Figures.Tests.Plotting;

public sealed class LogScaleTests
{
    [Theory]
    [InlineData(-3, "10⁻³")]
    [InlineData(0, "1")]
    [InlineData(1, "10")]
    [InlineData(12, "10¹²")]
    [InlineData(-16.0000000001, "10⁻¹⁶")]
    public void PowersAreLabelledWithSuperscripts(double exponent, string label) => Assert.Equal(label, LogScale.PowerLabel(exponent));

    [Fact]
    public void ValuesWithoutALogareNaN()
    {
        Assert.Equal(-2, LogScale.Log10(0.01), 15);
        Assert.True(double.IsNaN(LogScale.Log10(0)));
        Assert.True(double.IsNaN(LogScale.Log10(-1)));
        Assert.True(double.IsNaN(LogScale.Log10(double.PositiveInfinity)));
    }
}
