using Verify.TestSupport;
using Verify.Toys.Families;
using Xunit;

namespace Verify.Toys.Tests.Support;

/// <summary>Checks every sampler must pass: determinism and the tangent against a finite difference.</summary>
internal static class FamilyChecks
{
    /// <summary>Same seed ⇒ bit-identical points; a different seed ⇒ different points.</summary>
    public static void Deterministic(IToyDistribution law, int n = 200)
    {
        double[] a = law.SamplePoints(n, 12345);
        double[] b = law.SamplePoints(n, 12345);
        double[] c = law.SamplePoints(n, 12346);
        Assert.Equal(a.Length, b.Length);
        for (int k = 0; k < a.Length; k++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(a[k]), BitConverter.DoubleToInt64Bits(b[k]));
        Assert.NotEqual(a, c);
    }

    /// <summary>
    /// The tangent ∂x/∂θ equals the central difference (G_{θ+h}(z) − G_{θ−h}(z))/(2h) of the reparameterised sampler on
    /// the same seed (same z), and the points equal <c>At(θ).SamplePoints</c>. Every family here is affine in θ for
    /// fixed z, so the central difference is exact up to rounding: |error| ≲ 4·ulp(|x|)/h.
    /// </summary>
    public static void TangentMatchesFiniteDifference(IToyFamily family, double theta, double h = 1e-4, int n = 500, long seed = 99)
    {
        TangentSample s = family.SampleWithTangent(n, theta, seed);
        double[] plain = family.At(theta).SamplePoints(n, seed);
        Assert.Equal(plain, s.Points);
        double[] up = family.SampleWithTangent(n, theta + h, seed).Points;
        double[] down = family.SampleWithTangent(n, theta - h, seed).Points;
        double scale = 1.0;
        foreach (double x in s.Points) scale = Math.Max(scale, Math.Abs(x));
        for (int k = 0; k < s.Points.Length; k++)
        {
            double fd = (up[k] - down[k]) / (2 * h);
            Tolerance.Close(fd, s.Tangents[k], 0, 8 * scale * 2.3e-16 / h, $"∂x/∂θ at coordinate {k}");
        }
    }
}
