using Ot = Verify.Theory.Transport;
using Verify.TestSupport;
using Xunit;

namespace Verify.Theory.Tests.Transport;

/// <summary>The radix sort behind the 1-D route, checked through W₁OneD against an independent sorted-sum formula.</summary>
public class RadixSortTests
{
    [Fact]
    public void LargeSamplesWithNegativesDuplicatesZerosAndExtremesGiveTheSortedFormula()
    {
        var rng = new Random(12);
        double[] specials = [0.0, -0.0, double.Epsilon, -double.Epsilon, 1e300, -1e300, double.MaxValue / 4, -double.MaxValue / 4, 1.5, 1.5];
        double[] Draw(int n) => Enumerable.Range(0, n).Select(k => k % 10 == 0
            ? specials[rng.Next(specials.Length)]
            : Math.Round(TransportData.Gaussian(rng) * 100, rng.Next(0, 3))).ToArray();
        double[] x = Draw(40_000), y = Draw(40_000);
        // Independent route: LINQ's stable comparison sort, then the equal-size formula (1/n) Σ |x₍ᵢ₎ − y₍ᵢ₎|.
        double[] sx = x.OrderBy(t => t).ToArray(), sy = y.OrderBy(t => t).ToArray();
        double expected = 0;
        for (int i = 0; i < sx.Length; i++) expected += Math.Abs(sx[i] - sy[i]) / sx.Length;
        Tolerance.Close(expected, Ot.W1OneD(x, y), rel: 1e-12);
    }

    [Fact]
    public void UnequalSizesAboveTheRadixThresholdMatchTheWeightedRoute()
    {
        // Unweighted input takes the radix sort; explicit equal weights take the comparison sort with items.
        var rng = new Random(4);
        double[] x = Enumerable.Range(0, 30_000).Select(_ => TransportData.Gaussian(rng)).ToArray();
        double[] y = Enumerable.Range(0, 20_000).Select(_ => TransportData.Gaussian(rng) * 3 - 1).ToArray();
        Tolerance.Close(Ot.W1OneD(x, y, Enumerable.Repeat(1.0, x.Length).ToArray(), Enumerable.Repeat(2.0, y.Length).ToArray()),
            Ot.W1OneD(x, y), rel: 1e-12);
    }
}
