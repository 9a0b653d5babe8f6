using Verify.Properties.Checks;
using Verify.Theory;
using Xunit;

namespace Verify.Properties.Tests.Checks;

public sealed class DescribeTests
{
    [Fact]
    public void LawsPrintExactCoordinatesAndWeights() =>
        Assert.Equal("{(0.1, -2)·0.25, (3, 0)·0.75}",
            Describe.Law(new DiscreteDistribution([0.1, -2, 3, 0], 2, [0.25, 0.75])));

    [Fact]
    public void NumbersRoundTrip() => Assert.Equal(0.1 + 0.2, double.Parse(Describe.Number(0.1 + 0.2), System.Globalization.CultureInfo.InvariantCulture));
}
