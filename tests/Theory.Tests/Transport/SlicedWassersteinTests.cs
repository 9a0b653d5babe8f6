using Ot = Verify.Theory.Transport;
using Verify.TestSupport;
using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

public class SlicedWassersteinTests
{
    [Fact]
    public void SameSeedSameValue()
    {
        var p = TransportData.Cloud(50, 3, 1);
        var q = TransportData.Cloud(50, 3, 2, shift: 1);
        Assert.Equal(Ot.SlicedW1(p, q, 64, 5), Ot.SlicedW1(p, q, 64, 5));
        Assert.NotEqual(Ot.SlicedW1(p, q, 64, 5), Ot.SlicedW1(p, q, 64, 6));
    }

    [Fact]
    public void OneDimensionEqualsW1()
    {
        // On ℝ every direction is ±1 and W₁ is invariant under x ↦ −x.
        var p = DiscreteDistribution.OneD([0, 1, 5], [1, 2, 1]);
        var q = DiscreteDistribution.OneD([2, 3], [2, 2]);
        Tolerance.Close(Ot.W1(p, q), Ot.SlicedW1(p, q, 7, 3), rel: 1e-14);
    }

    [Fact]
    public void TranslationGivesTheMeanAbsoluteCosine()
    {
        // Q = P + t: every slice is W₁ = |⟨θ, t⟩|, and E|⟨θ, t⟩| over S¹ is 2‖t‖/π.
        // With L = 20000 directions the standard error is below 0.004‖t‖; the check uses 5 standard errors.
        var p = TransportData.Cloud(20, 2, 4);
        var pts = p.Points.ToArray();
        for (int k = 0; k < pts.Length; k += 2) { pts[k] += 3; pts[k + 1] += 4; }
        var q = new DiscreteDistribution(pts, 2);
        Tolerance.Close(2 * 5 / Math.PI, Ot.SlicedW1(p, q, 20000, 9), rel: 0.02);
        // And exactly: the mean of |⟨θ, t⟩| over the very directions used.
        double exact = SlicedDirections(20000, 9).Average(th => Math.Abs(3 * th[0] + 4 * th[1]));
        Tolerance.Close(exact, Ot.SlicedW1(p, q, 20000, 9), rel: 1e-9);
    }

    [Fact]
    public void SlicedIsAtMostW1()
    {
        var p = TransportData.Cloud(40, 3, 7);
        var q = TransportData.Cloud(40, 3, 8, shift: 0.5);
        Tolerance.AtMost(Ot.W1(p, q), Ot.SlicedW1(p, q, 100, 1));
    }

    private static double[][] SlicedDirections(int count, int seed)
    {
        // The same construction the library documents: Box–Muller from System.Random(seed), normalised.
        var rng = new Random(seed);
        var result = new double[count][];
        for (int l = 0; l < count; l++)
        {
            double n2;
            var th = new double[2];
            do
            {
                n2 = 0;
                for (int k = 0; k < 2; k++)
                {
                    double r1 = 1.0 - rng.NextDouble(), r2 = rng.NextDouble();
                    th[k] = Math.Sqrt(-2.0 * Math.Log(r1)) * Math.Cos(2.0 * Math.PI * r2);
                    n2 += th[k] * th[k];
                }
            } while (!(n2 > 0));
            double inv = 1 / Math.Sqrt(n2);
            result[l] = [th[0] * inv, th[1] * inv];
        }
        return result;
    }
}
