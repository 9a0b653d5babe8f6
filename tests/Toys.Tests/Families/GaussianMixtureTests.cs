using MathNet.Numerics.Distributions;
using Verify.TestSupport;
using Verify.Toys.Families;
using Verify.Toys.Tests.Support;
using Xunit;

namespace Verify.Toys.Tests.Families;

public sealed class GaussianMixtureTests
{
    // Three components in ℝ² with unequal weights 1 : 2 : 5 and unequal σ.
    private static readonly GaussianMixture Mix = new("mix", 2, [-2, 0, 1, 1, 3, -1], [0.3, 0.5, 0.8], [1, 2, 5]);

    [Fact]
    public void WeightsAreNormalisedAndTheComponentsAreTheModes()
    {
        Tolerance.Close([0.125, 0.25, 0.625], Mix.Weights.ToArray(), 1e-15);
        Assert.Equal(3, Mix.Modes.Count);
        Assert.Equal([1.0, 1.0], Mix.Modes[1].Centre);
        Assert.Equal(0.8, Mix.Modes[2].Sigma);
        FamilyChecks.Deterministic(Mix);
    }

    [Fact]
    public void DensityIsTheWeightedSumOfProductNormals()
    {
        double[][] mu = [[-2, 0], [1, 1], [3, -1]];
        double[] s = [0.3, 0.5, 0.8], w = [0.125, 0.25, 0.625];
        foreach (double[] x in new[] { new[] { 0.0, 0.0 }, new[] { -2.1, 0.2 }, new[] { 2.5, -0.5 }, new[] { 6.0, 6.0 } })
        {
            double expected = 0;
            for (int k = 0; k < 3; k++) expected += w[k] * Normal.PDF(mu[k][0], s[k], x[0]) * Normal.PDF(mu[k][1], s[k], x[1]);
            Tolerance.Close(expected, Mix.Density(x), 1e-13, 1e-300, $"p({x[0]}, {x[1]})");
        }
    }

    [Fact]
    public void ProjectionsFollowTheMixtureCdf()
    {
        // ⟨X, u⟩ for unit u is the 1-D mixture Σ wₖ N(⟨μₖ, u⟩, σₖ²). DKW on two directions, n = 100 000, δ = 1e-6 each
        // (2e-6 in all) ⇒ ε ≈ 0.0085.
        const int n = 100_000;
        double[] p = Mix.SamplePoints(n, 17);
        foreach (double angle in new[] { 0.0, 1.0 })
        {
            double[] u = [Math.Cos(angle), Math.Sin(angle)];
            double Cdf(double v)
            {
                double c = 0;
                for (int k = 0; k < 3; k++)
                    c += Mix.Weights[k] * Normal.CDF(Mix.Modes[k].Centre[0] * u[0] + Mix.Modes[k].Centre[1] * u[1], Mix.Modes[k].Sigma, v);
                return c;
            }
            Tolerance.AtMost(Dkw.Epsilon(n), Dkw.Statistic(Columns.Project(p, 2, u), Cdf), 0, $"KS along angle {angle} (δ = 1e-6)");
        }
    }

    [Fact]
    public void ZeroWeightComponentsAreNeverSampled()
    {
        var m = new GaussianMixture("m", 1, [0, 100, 200], [1, 1, 1], [1, 0, 1]);
        Assert.All(m.SamplePoints(20_000, 2), x => Assert.True(Math.Abs(x - 100) > 40));
    }

    [Fact]
    public void SmoothingAddsVariances()
    {
        var sm = (GaussianMixture)Mix.Smoothed(0.6);
        Tolerance.Close(Math.Sqrt(0.09 + 0.36), sm.Modes[0].Sigma, 1e-15);
        Tolerance.Close(Math.Sqrt(0.64 + 0.36), sm.Modes[2].Sigma, 1e-15);
        Assert.Throws<ArgumentException>(() => Mix.Smoothed(-1));
    }

    [Fact]
    public void RejectsBadComponents()
    {
        Assert.Throws<ArgumentException>(() => new GaussianMixture("m", 2, [0, 0, 1], [1, 1]));
        Assert.Throws<ArgumentException>(() => new GaussianMixture("m", 1, [0], [0.0]));
        Assert.Throws<ArgumentException>(() => new GaussianMixture("m", 1, [0, 1], [1, 1], [0, 0]));
        Assert.Throws<ArgumentException>(() => new GaussianMixture("m", 1, [0, 1], [1, 1], [1, -1]));
        Assert.Contains("Infinity", Assert.Throws<ArgumentException>(() => new GaussianMixture("m", 1, [0, 1], [1, 1], [1e308, 1e308])).Message);
        Assert.Throws<ArgumentException>(() => new GaussianMixture("m", 1, [], []));
    }
}
