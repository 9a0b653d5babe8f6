using MathNet.Numerics.Distributions;
using Verify.TestSupport;
using Verify.Toys.Families;
using Verify.Toys.Tests.Support;
using Xunit;

namespace Verify.Toys.Tests.Families;

public sealed class SwissRollTests
{
    private static readonly SwissRoll Roll = new();
    private const double Sigma = 0.25 / 7.5;

    [Fact]
    public void SameSeedSameSampleDifferentSeedDifferent() => FamilyChecks.Deterministic(Roll);

    [Fact]
    public void SamplesAreBitIdenticalToAnIndependentTranscription()
    {
        // tests/Toys.Tests/Random/portable_reference.py re-implements the RNG, the polar normals and the portable
        // sin/cos/ln in Python (IEEE doubles, correctly rounded operations only): the first three points of seed 7.
        ulong[] expected = [0x3fdd44dd31527b9a, 0xbff681daf965eccb, 0x3fd475cfa351075c, 0x3ffcb8c8a28e882c, 0xbff35312dd70c554, 0xbfdf835aebce8b9d];
        double[] p = Roll.SamplePoints(3, 7);
        for (int k = 0; k < 6; k++) Assert.Equal(expected[k], (ulong)BitConverter.DoubleToInt64Bits(p[k]));
    }

    [Fact]
    public void CurveIsTheScaledSklearnRoll()
    {
        foreach (double t in new[] { SwissRoll.TMin, 7.0, 10.5, SwissRoll.TMax })
        {
            var (x, y) = SwissRoll.Curve(t);
            Tolerance.Close(t * Math.Cos(t) / 7.5, x, 1e-14, 1e-15);
            Tolerance.Close(t * Math.Sin(t) / 7.5, y, 1e-14, 1e-15);
        }
        Tolerance.Close(Sigma, Roll.Sigma, 1e-15);
    }

    [Fact]
    public void ProjectionsFollowTheSmoothedCurveCdf()
    {
        // ⟨X, u⟩ = ⟨c(t), u⟩ + σ⟨z, u⟩ with ⟨z, u⟩ ~ N(0, 1) for unit u, so F_u(s) = (1/3π)∫ Φ((s − ⟨c(t), u⟩)/σ) dt,
        // evaluated here by MathNet's quadrature on 150 grid points. DKW (grid maximum ≤ supremum), n = 50 000,
        // δ = 1e-6 per direction (3e-6 in all) ⇒ ε ≈ 0.012.
        const int n = 50_000;
        double[] p = Roll.SamplePoints(n, 41);
        foreach (double angle in new[] { 0.0, Math.PI / 3, 2 * Math.PI / 3 })
        {
            double ux = Math.Cos(angle), uy = Math.Sin(angle);
            double Cdf(double s) => Reference.Integral(
                t => Normal.CDF(0, Sigma, s - (t * Math.Cos(t) * ux + t * Math.Sin(t) * uy) / 7.5),
                SwissRoll.TMin, SwissRoll.TMax) / (SwissRoll.TMax - SwissRoll.TMin);
            var grid = Enumerable.Range(0, 150).Select(i => -2.0 + 4.0 * i / 149).ToArray();
            double d = Dkw.StatisticOnGrid(Columns.Project(p, 2, [ux, uy]), grid, Cdf);
            Tolerance.AtMost(Dkw.Epsilon(n), d, 0, $"KS along angle {angle:F3} (δ = 1e-6)");
        }
    }

    [Fact]
    public void DensityAgreesWithABruteForceRiemannSumInT()
    {
        // p(x) = (1/3π)∫ φ₂((x − c(t))/σ)/σ² dt; reference: midpoint rule with 100 000 steps (h ≈ 9.4e-5 ≪ the kernel
        // width in t, ≥ 0.05; for a kernel well inside the interval the midpoint rule is spectrally accurate), an independent route to the Gauss–Legendre panels in the class.
        foreach (double[] x in new[] { new[] { 0.9, -0.2 }, new[] { -1.0, 0.5 }, new[] { 1.8, 0.3 }, new[] { 0.0, 0.0 } })
        {
            const int steps = 100_000;
            double h = (SwissRoll.TMax - SwissRoll.TMin) / steps, sum = 0;
            for (int i = 0; i < steps; i++)
            {
                double t = SwissRoll.TMin + (i + 0.5) * h;
                double dx = x[0] - t * Math.Cos(t) / 7.5, dy = x[1] - t * Math.Sin(t) / 7.5;
                sum += Math.Exp(-0.5 * (dx * dx + dy * dy) / (Sigma * Sigma));
            }
            double expected = sum * h / (SwissRoll.TMax - SwissRoll.TMin) / (2 * Math.PI * Sigma * Sigma);
            Tolerance.Close(expected, Roll.Density(x), 1e-9, 1e-12, $"p({x[0]}, {x[1]})");
        }
    }

    [Fact]
    public void SmoothedDensityIntegratesToOne()
    {
        // Extra smoothing s = 0.5 makes the density smooth on a 0.3125 grid; tensor 4-point Gauss–Legendre on [−5, 5]²
        // (the curve stays within radius 4.5π/7.5 ≈ 1.9, so the mass outside is below e^{−18}).
        IToyDistribution smooth = Roll.Smoothed(0.5);
        double[] nodes = [-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526];
        double[] weights = [0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538];
        const int cells = 32;
        double h = 10.0 / cells, total = 0;
        for (int a = 0; a < cells; a++)
            for (int b = 0; b < cells; b++)
                for (int i = 0; i < 4; i++)
                    for (int j = 0; j < 4; j++)
                    {
                        double x = -5 + (a + 0.5 + 0.5 * nodes[i]) * h, y = -5 + (b + 0.5 + 0.5 * nodes[j]) * h;
                        total += weights[i] * weights[j] * smooth.Density([x, y]);
                    }
        Tolerance.Close(1.0, total * h * h / 4, 0, 1e-6, "∫ p");
    }
}
