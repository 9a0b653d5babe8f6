using MathNet.Numerics.Distributions;
using Verify.TestSupport;
using Verify.Toys.Families;
using Verify.Toys.Tests.Support;
using Xunit;

namespace Verify.Toys.Tests.Families;

public sealed class FixedGeneratorTests
{
    private static readonly GaussianMixture Eight = EightGaussians.Create();
    private static readonly FixedGenerator Fake = new(Eight);

    [Fact]
    public void IsThePublishedUnitNoiseByDefault()
    {
        Assert.Equal("8gaussians-fixed-generator", Fake.Name);
        Assert.Equal(1.0, Fake.Theta.Default);
        Assert.Throws<ArgumentException>(() => Fake.At(-0.1));
        FamilyChecks.Deterministic(Fake.At(1.0));
    }

    [Fact]
    public void AtZeroNoiseItIsTheRealSampleBitForBit()
    {
        // The real points are drawn first from the same stream, then the noise: θ = 0 leaves them untouched.
        Assert.Equal(Eight.SamplePoints(300, 8), Fake.At(0.0).SamplePoints(300, 8));
        Assert.Equal(Eight.Kind, Fake.At(0.0).Kind);
    }

    [Fact]
    public void TangentIsTheAddedNoise() => FamilyChecks.TangentMatchesFiniteDifference(Fake, 1.0);

    [Fact]
    public void ProjectionsFollowTheSmoothedMixture()
    {
        // real + N(0, I): each mode becomes N(μₖ, (σ² + 1) I). DKW along one direction, n = 100 000, δ = 1e-6 ⇒ ε ≈ 0.0085.
        const int n = 100_000;
        double[] p = Fake.At(1.0).SamplePoints(n, 12);
        double[] u = [Math.Cos(0.4), Math.Sin(0.4)];
        double s = Math.Sqrt(Eight.Modes[0].Sigma * Eight.Modes[0].Sigma + 1.0);
        double Cdf(double v) => Eight.Modes.Sum(m => Normal.CDF(m.Centre[0] * u[0] + m.Centre[1] * u[1], s, v)) / 8;
        Tolerance.AtMost(Dkw.Epsilon(n), Dkw.Statistic(Columns.Project(p, 2, u), Cdf), 0, "KS along angle 0.4 (δ = 1e-6)");
    }

    [Fact]
    public void DensityIsTheSmoothedRealDensity()
    {
        IToyDistribution member = Fake.At(0.7);
        double s = Math.Sqrt(Eight.Modes[0].Sigma * Eight.Modes[0].Sigma + 0.49);
        foreach (double[] x in new[] { new[] { 0.0, 0.0 }, new[] { 1.0, -0.4 } })
        {
            double expected = Eight.Modes.Sum(m => Normal.PDF(m.Centre[0], s, x[0]) * Normal.PDF(m.Centre[1], s, x[1])) / 8;
            Tolerance.Close(expected, member.Density(x), 1e-13);
        }
        var roll = new FixedGenerator(new SwissRoll());
        Tolerance.Close(new SwissRoll().Smoothed(0.3).Density([0.5, 0.5]), roll.At(0.3).Density([0.5, 0.5]), 1e-15);
    }

    [Fact]
    public void NoClosedFormDistancesAndOnlySmoothableRealLaws()
    {
        ExactValues e = Fake.Exact(0.5, 1.0);
        Assert.Null(e.W1);
        Assert.Null(e.JS);
        Assert.Throws<ArgumentException>(() => new FixedGenerator(new ParallelLines().At(0)));
    }
}
