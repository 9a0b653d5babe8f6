using Verify.TestSupport;
using Verify.Theory;
using Verify.Toys.Families;
using Verify.Toys.Tests.Support;
using Xunit;

namespace Verify.Toys.Tests.Families;

public sealed class GridHistogramTests
{
    [Fact]
    public void AtomsRunOverTheGridWithTheLastAxisFastest()
    {
        var h = new GridHistogram("g", [1.0, -1.0], [0.5, 2.0], [2, 3], [1, 2, 3, 4, 5, 5]);
        DiscreteDistribution law = h.Law;
        Assert.Equal(6, law.Count);
        Assert.Equal(new[] { 1.0, -1.0 }, law.Point(0).ToArray());
        Assert.Equal(new[] { 1.0, 1.0 }, law.Point(1).ToArray());
        Assert.Equal(new[] { 1.5, 3.0 }, law.Point(5).ToArray());
        Tolerance.Close([1 / 20.0, 2 / 20.0, 3 / 20.0, 4 / 20.0, 5 / 20.0, 5 / 20.0], law.Weights, 1e-15);
        Assert.Equal(LawKind.Discrete, h.Kind);
        Assert.Throws<InvalidOperationException>(() => h.Density([1.0, 1.0]));
        FamilyChecks.Deterministic(h);
    }

    [Fact]
    public void SampleFrequenciesMatchTheMassesAndZeroCellsAreNeverDrawn()
    {
        const int n = 100_000;
        double[] masses = [0.1, 0, 0.4, 0.2, 0, 0.3];
        var h = new GridHistogram("g", [0.0], [1.0], [6], masses);
        double[] x = h.SamplePoints(n, 5);
        // Hoeffding per cell with a union over 6 cells: t = √(ln(12/δ)/(2n)) ≈ 0.0091 at δ = 1e-6.
        double t = Math.Sqrt(Math.Log(12 / 1e-6) / (2.0 * n));
        for (int k = 0; k < 6; k++)
        {
            double f = x.Count(v => v == k) / (double)n;
            if (masses[k] == 0) Assert.Equal(0.0, f);
            else Tolerance.Close(masses[k], f, 0, t, $"frequency of cell {k} (Hoeffding, δ = 1e-6)");
        }
    }

    [Fact]
    public void ExactW1BetweenSampleAndLawIsWithinTheDkwBound()
    {
        // On the grid {0, …, 10} with unit spacing, W₁(Pₙ, P) = Σₖ₌₀⁹ |Fₙ(k) − F(k)| ≤ 10·sup|Fₙ − F|, and DKW (valid for
        // any F) bounds the supremum by ε = √(ln(2/δ)/(2n)); n = 20 000, δ = 1e-6 ⇒ W₁ ≤ 10ε ≈ 0.19.
        const int n = 20_000;
        var masses = Enumerable.Range(0, 11).Select(k => Math.Exp(-0.5 * (k - 4) * (k - 4) / 4.0)).ToArray();
        var h = new GridHistogram("g", [0.0], [1.0], [11], masses);
        double w1 = Transport.W1(h.Sample(n, 9), h.Law);
        Tolerance.AtMost(10 * Dkw.Epsilon(n), w1, 0, "W1(sample, law) (DKW, δ = 1e-6)");
    }

    [Fact]
    public void RejectsBadGrids()
    {
        Assert.Throws<ArgumentException>(() => new GridHistogram("g", [0.0], [1.0], [3], [1, 1]));
        Assert.Throws<ArgumentException>(() => new GridHistogram("g", [0.0], [0.0], [2], [1, 1]));
        Assert.Throws<ArgumentException>(() => new GridHistogram("g", [0.0], [1.0], [2], [0, 0]));
        Assert.Contains("Infinity", Assert.Throws<ArgumentException>(() => new GridHistogram("g", [0.0], [1.0], [2], [1e308, 1e308])).Message);
        Assert.Throws<ArgumentException>(() => new GridHistogram("g", [0.0], [1.0], [2], [1, -1]));
        Assert.Throws<ArgumentException>(() => new GridHistogram("g", [0.0, 0.0], [1.0], [2], [1, 1]));
    }
}
