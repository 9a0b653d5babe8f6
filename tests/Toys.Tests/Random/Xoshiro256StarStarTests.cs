using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.Distributions;
using Verify.TestSupport;
using Verify.Toys.Random;
using Verify.Toys.Tests.Support;
using Xunit;

namespace Verify.Toys.Tests.Random;

public sealed class Xoshiro256StarStarTests
{
    [Fact]
    public void MatchesThePublishedAlgorithmFromAKnownState()
    {
        // From state (1, 2, 3, 4) the first output is rotl(2·5, 7)·9 = 1280·9 = 11520 by hand; the rest were computed
        // by an independent Python transcription of xoshiro256starstar.c (Blackman & Vigna).
        var g = Xoshiro256StarStar.FromState(1, 2, 3, 4);
        ulong[] expected = [11520UL, 0UL, 1509978240UL, 1215971899390074240UL, 1216172134540287360UL, 607988272756665600UL];
        foreach (ulong e in expected) Assert.Equal(e, g.NextUInt64());
    }

    [Fact]
    public void IsSeededByFourSplitMix64Outputs()
    {
        // SplitMix64(42) → state; first three outputs from the same independent Python transcription.
        var g = new Xoshiro256StarStar(42);
        Assert.Equal(1546998764402558742UL, g.NextUInt64());
        Assert.Equal(6990951692964543102UL, g.NextUInt64());
        Assert.Equal(12544586762248559009UL, g.NextUInt64());
    }

    [Fact]
    public void NormalsAreBitIdenticalToAnIndependentTranscription()
    {
        // portable_reference.py (beside this file) re-implements SplitMix64, xoshiro256**, the polar method and
        // PortableMath.Log in Python, whose floats are IEEE doubles: only +, −, ×, ÷ and √ are used, all correctly
        // rounded, so any machine must produce exactly these bits from seed 42.
        ulong[] expected = [0xbfe73d2feb0fb377, 0xbfcb088028693f9c, 0x3fcc5e21f7812a4e, 0x3fe0ba8bb0c5fa51, 0x3fddb514bfac5b4e, 0x3fe7b6195d5a3e23];
        var g = new Xoshiro256StarStar(42);
        foreach (ulong e in expected) Assert.Equal(e, (ulong)BitConverter.DoubleToInt64Bits(g.NextNormal()));
    }

    [Fact]
    public void AllZeroStateIsRejected() =>
        Assert.Throws<ArgumentException>(() => Xoshiro256StarStar.FromState(0, 0, 0, 0));

    [Property]
    public Property SameSeedSameNumbersDifferentSeedDifferentNumbers()
    {
        return Prop.ForAll(ArbMap.Default.ArbFor<long>(), seed =>
        {
            var a = new Xoshiro256StarStar(seed);
            var b = new Xoshiro256StarStar(seed);
            var c = new Xoshiro256StarStar(seed ^ 1);
            bool same = true, differs = false;
            for (int i = 0; i < 50; i++)
            {
                double x = a.NextNormal(), y = b.NextNormal(), z = c.NextNormal();
                same &= BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y);
                differs |= x != z;
            }
            return same && differs;
        });
    }

    [Fact]
    public void UniformsAreInTheUnitIntervalAndUniform()
    {
        const int n = 200_000;
        var g = new Xoshiro256StarStar(7);
        var u = new double[n];
        for (int i = 0; i < n; i++)
        {
            u[i] = g.NextDouble();
            Assert.InRange(u[i], 0.0, 1.0 - 1.0 / (1UL << 53));
        }
        // DKW: n = 200 000, δ = 1e-6 ⇒ ε = √(ln(2e6)/(4e5)) ≈ 0.0060.
        double eps = Dkw.Epsilon(n);
        Tolerance.AtMost(eps, Dkw.Statistic(u, x => Math.Clamp(x, 0, 1)), 0, $"KS distance of U[0,1) (DKW ε = {eps:F4}, δ = 1e-6)");
    }

    [Fact]
    public void NormalsFollowTheStandardNormalLaw()
    {
        const int n = 200_000;
        var g = new Xoshiro256StarStar(11);
        var z = new double[n];
        for (int i = 0; i < n; i++) z[i] = g.NextNormal();
        // DKW with δ = 1e-6: ε ≈ 0.0060; a σ off by 3% already moves the CDF by ≈ 0.0073 at ±1.
        double eps = Dkw.Epsilon(n);
        Tolerance.AtMost(eps, Dkw.Statistic(z, x => Normal.CDF(0, 1, x)), 0, $"KS distance of N(0,1) (DKW ε = {eps:F4}, δ = 1e-6)");
    }

    [Fact]
    public void BoundedIntegersCoverTheRangeUniformly()
    {
        const int n = 100_000, k = 7;
        var g = new Xoshiro256StarStar(3);
        var counts = new int[k];
        for (int i = 0; i < n; i++) counts[g.NextInt(k)]++;
        // Hoeffding per cell with a union bound over 7 cells: P(|count/n − 1/7| > t) ≤ 2·7·e^{−2nt²} = 1e-6 ⇒ t ≈ 0.0064.
        double t = Math.Sqrt(Math.Log(2.0 * k / 1e-6) / (2.0 * n));
        foreach (int c in counts) Tolerance.Close(1.0 / k, (double)c / n, 0, t, "cell frequency (Hoeffding, δ = 1e-6)");
        Assert.Throws<ArgumentException>(() => g.NextInt(0));
    }
}
