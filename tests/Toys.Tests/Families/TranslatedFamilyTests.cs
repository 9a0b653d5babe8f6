using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.TestSupport;
using Verify.Theory;
using Verify.Toys.Families;
using Verify.Toys.Tests.Support;
using Xunit;

namespace Verify.Toys.Tests.Families;

public sealed class TranslatedFamilyTests
{
    private static readonly TranslatedFamily Histogram = ToyFamilies.HistogramShift();
    private static readonly TranslatedFamily Diagonal =
        new("square-diagonal", "unit square moved along (3, 4)", new ShiftedUniform(2).At(0), [3.0, 4.0]);

    [Fact]
    public void SameSeedSameSampleDifferentSeedDifferent() => FamilyChecks.Deterministic(Histogram.At(0.5));

    [Fact]
    public void TangentIsTheDirection()
    {
        FamilyChecks.TangentMatchesFiniteDifference(Histogram, 0.4);
        FamilyChecks.TangentMatchesFiniteDifference(Diagonal, -0.2);
    }

    [Property(MaxTest = 30)]
    public Property W1IsTheShiftTimesTheLengthOfTheDirection()
    {
        var thetas = Gen.Choose(-2000, 2000).Select(k => k / 1000.0);
        Assert.Equal(-5.0, Diagonal.Exact(1, 0).DW1);
        return Prop.ForAll(thetas.ToArbitrary(), thetas.ToArbitrary(), (t0, t) =>
        {
            double hist = Transport.W1OneD(Histogram.At(t0).SamplePoints(300, 2), Histogram.At(t).SamplePoints(300, 2));
            double diag = Transport.W1(Diagonal.At(t0).Sample(40, 2), Diagonal.At(t).Sample(40, 2));
            return Tolerance.IsClose(Histogram.Exact(t0, t).W1!.Value, hist, 1e-9, 1e-12)
                && Tolerance.IsClose(Diagonal.Exact(t0, t).W1!.Value, diag, 1e-9, 1e-12)
                && Tolerance.IsClose(5 * Math.Abs(t - t0), diag, 1e-9, 1e-12);
        });
    }

    [Fact]
    public void KindAndDensityFollowTheBaseLaw()
    {
        Assert.Equal(LawKind.Discrete, Histogram.At(0.3).Kind);
        Assert.Throws<InvalidOperationException>(() => Histogram.At(0.3).Density([0.3]));
        Assert.Equal(1.0, Diagonal.At(0.1).Density([0.8, 0.9]));
        Assert.Equal(0.0, Diagonal.At(0.1).Density([0.2, 0.3]));
    }

    [Fact]
    public void OnlyW1IsKnownAwayFromTheReference()
    {
        ExactValues e = Histogram.Exact(0, 0.5);
        Assert.Null(e.TV);
        Assert.Null(e.JS);
        Assert.Equal(0.0, Histogram.Exact(0.5, 0.5).TV);
        Assert.Throws<ArgumentException>(() => new TranslatedFamily("x", "x", Histogram.At(0), [0.0]));
        Assert.Throws<ArgumentException>(() => new TranslatedFamily("x", "x", Histogram.At(0), [1.0, 0.0]));
    }
}
