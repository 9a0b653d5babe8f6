using MathNet.Numerics.Distributions;
using Verify.TestSupport;
using Xunit;

namespace Verify.Theory.Tests.ClosedForms;

public sealed class GanOptimumTests
{
    private static readonly double Ln2 = Math.Log(2.0);

    private static Func<double, double> Uniform(double lo, double hi) => x => x >= lo && x < hi ? 1.0 / (hi - lo) : 0.0;

    [Fact]
    public void OptimalDiscriminatorValues()
    {
        Tolerance.Close(2.0 / 3.0, GanOptimum.Discriminator(_ => 2, _ => 1, 0), rel: 1e-15);
        Assert.Equal(0.5, GanOptimum.Discriminator(_ => 0, _ => 0, 0));   // 0/0: defined as ½
        Assert.Equal(1.0, GanOptimum.Discriminator(_ => 3, _ => 0, 0));
        Assert.Equal(0.0, GanOptimum.Discriminator(_ => 0, _ => 3, 0));
        Assert.Equal(0.5, GanOptimum.Discriminator(x => Normal.PDF(0, 1, x), x => Normal.PDF(0, 1, x), 0.7));
    }

    public static TheoryData<string, Func<double, double>, Func<double, double>, double, double, double[]> Pairs => new()
    {
        { "N(0,1) vs N(1,2)", x => Normal.PDF(0, 1, x), x => Normal.PDF(1, 2, x), -30, 30, [] },
        { "N(0,1) vs N(0,1)", x => Normal.PDF(0, 1, x), x => Normal.PDF(0, 1, x), -30, 30, [] },
        { "N(-2,.5) vs N(3,.5)", x => Normal.PDF(-2, 0.5, x), x => Normal.PDF(3, 0.5, x), -12, 12, [] },
        { "U[0,1] vs U[.5,1.5]", Uniform(0, 1), Uniform(0.5, 1.5), -1, 2, [0, 0.5, 1, 1.5] },
        { "U[0,1] vs U[2,3]", Uniform(0, 1), Uniform(2, 3), -1, 4, [0, 1, 2, 3] },
        { "Beta(2,5) vs Beta(3,1.5)", x => x is > 0 and < 1 ? Beta.PDF(2, 5, x) : 0, x => x is > 0 and < 1 ? Beta.PDF(3, 1.5, x) : 0, 0, 1, [] },
        { "triangle vs U[0,1]", x => x is >= 0 and < 1 ? 2 * x : 0, Uniform(0, 1), 0, 1, [] },
        { "U[0,1] vs U[1/3,4/3], no breakpoints", Uniform(0, 1), Uniform(1.0 / 3, 4.0 / 3), -1, 2, [] },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void ValueAtTheOptimumIsTwiceJSMinusTwoLog2(string name, Func<double, double> pr, Func<double, double> pg, double a, double b, double[] cuts)
    {
        // L(G, D*) is integrated from log D* and log(1 − D*); JS from the mixture form — two integrals, one identity.
        double value = GanOptimum.Value(pr, pg, a, b, cuts);
        double js = DensityDivergences.JS(pr, pg, a, b, cuts);
        Tolerance.Close(2 * js - 2 * Ln2, value, rel: 1e-10, abs: 1e-12, what: name);
        Assert.InRange(value, -2 * Ln2 - 1e-12, 1e-12);
    }

    [Fact]
    public void ValueAtTheOptimumKnownCases()
    {
        // p_r = p_g ⇒ D* ≡ ½ and L = −2 log 2 (the global minimum of the game, Goodfellow et al. Theorem 1).
        Tolerance.Close(-2 * Ln2, GanOptimum.Value(x => Normal.PDF(0, 1, x), x => Normal.PDF(0, 1, x), -30, 30), rel: 1e-12);
        // Disjoint supports ⇒ D* ∈ {0, 1} where either density lives ⇒ L = 0.
        Assert.Equal(0.0, GanOptimum.Value(Uniform(0, 1), Uniform(2, 3), -1, 4, [0, 1, 2, 3]));
        // Half-overlapping uniforms: JS = ½ log 2 ⇒ L = log 2 − 2 log 2 = −log 2.
        Tolerance.Close(-Ln2, GanOptimum.Value(Uniform(0, 1), Uniform(0.5, 1.5), -1, 2, [0, 0.5, 1, 1.5]), rel: 1e-12);
        Tolerance.Close(-Ln2, GanOptimum.Value(Uniform(0, 1), Uniform(0.5, 1.5), -1, 2), rel: 1e-11); // jumps found by bisection
    }

    [Fact]
    public void EqualLawsGiveMinusTwoLog2AndNearlyEqualOnesTheSmallShiftExpansion()
    {
        // p_r = p_g on a wide interval, a narrow one and with jumps: L = −2 log 2 to 1e-12.
        Tolerance.Close(-2 * Ln2, GanOptimum.Value(x => Normal.PDF(0, 1, x), x => Normal.PDF(0, 1, x), -30, 30), rel: 1e-12);
        Tolerance.Close(-2 * Ln2, GanOptimum.Value(x => Normal.PDF(4, 0.5, x), x => Normal.PDF(4, 0.5, x), -6, 10), rel: 1e-12);
        Tolerance.Close(-2 * Ln2, GanOptimum.Value(Uniform(0.3, 0.8), Uniform(0.3, 0.8), 0, 1), rel: 1e-12);
        // N(0,1) vs N(10⁻³,1): L = 2·JS − 2 log 2 with JS = Δ²/8 − Δ⁴/64 + O(Δ⁶) (the location-family expansion,
        // see DensityDivergencesTests), so L + 2 log 2 = 2.5e-7 to ~1e-12 absolute.
        const double d = 1e-3;
        double value = GanOptimum.Value(x => Normal.PDF(0, 1, x), x => Normal.PDF(d, 1, x), -30, 30);
        Tolerance.Close(2 * (d * d / 8 - d * d * d * d / 64) - 2 * Ln2, value, rel: 0, abs: 2e-12);
    }

    [Fact]
    public void AWellSeparatedPairNeedsNoBreakpoints()
    {
        // N(0, .5²) vs N(4, .5²) on [−6, 10] (the Toys GaussianPair default): L agrees with the breakpoint route and
        // with the JS integral, L = 2·JS − 2 log 2.
        Func<double, double> pr = x => Normal.PDF(0, 0.5, x), pg = x => Normal.PDF(4, 0.5, x);
        double value = GanOptimum.Value(pr, pg, -6, 10);
        Tolerance.Close(GanOptimum.Value(pr, pg, -6, 10, [0, 2, 4]), value, rel: 1e-10, abs: 1e-13);
        Tolerance.Close(2 * DensityDivergences.JS(pr, pg, -6, 10) - 2 * Ln2, value, rel: 1e-10, abs: 1e-13);
        Assert.InRange(value, -2e-4, 0);
    }

    [Fact]
    public void BadInputsAreRejected()
    {
        Assert.Contains("pg", Assert.Throws<ArgumentException>(() => GanOptimum.Discriminator(_ => 1, _ => -2, 0)).Message);
        Assert.Throws<ArgumentException>(() => GanOptimum.Discriminator(_ => 1, _ => 1, double.NaN));
        Assert.Throws<ArgumentException>(() => GanOptimum.Value(_ => 1, _ => 1, 2, 1));
        Assert.Throws<ArgumentException>(() => GanOptimum.Value(_ => double.PositiveInfinity, _ => 1, 0, 1));
        Assert.Throws<InvalidOperationException>(() => GanOptimum.Value(x => 1 + 0.5 * Math.Sin(1e7 * x), Uniform(0, 1), 0, 1));
        Assert.Equal("pg", Assert.Throws<ArgumentException>(() => GanOptimum.Value(Uniform(0, 1), Uniform(0, 2), 0, 1)).ParamName); // mass ½
    }
}
