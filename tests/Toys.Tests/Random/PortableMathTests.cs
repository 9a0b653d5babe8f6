using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.TestSupport;
using Verify.Toys.Random;
using Xunit;

namespace Verify.Toys.Tests.Random;

public sealed class PortableMathTests
{
    private static readonly Gen<double> Positive =
        from mantissa in Gen.Choose(1, int.MaxValue)
        from exponent in Gen.Choose(-1070, 1020)
        select mantissa / (double)int.MaxValue * Math.Pow(2.0, exponent);

    [Property(MaxTest = 2000)]
    public Property LogAgreesWithTheRuntimeToAFewUlp()
    {
        return Prop.ForAll(Positive.ToArbitrary(), x =>
        {
            double expected = Math.Log(x);
            // About 4 ulp relative (ulp/x ≈ 2.2e-16): the atanh series and the final sum each round a few times.
            return Tolerance.IsClose(expected, PortableMath.Log(x), 9e-16);
        });
    }

    [Fact]
    public void LogOnTheUnitIntervalUsedByThePolarMethod()
    {
        var g = new Xoshiro256StarStar(5);
        for (int i = 0; i < 100_000; i++)
        {
            double s = g.NextDouble();
            if (s == 0) continue;
            Tolerance.Close(Math.Log(s), PortableMath.Log(s), 9e-16, 0, "ln s");
        }
    }

    [Fact]
    public void LogIsExactAtOneAndRightAtPowersOfTwoIncludingSubnormals()
    {
        Assert.Equal(0.0, PortableMath.Log(1.0));
        // ln 2ᵏ = k·ln 2; k·Ln2Hi is exact, so the result is within one rounding of the true value (≤ 1 ulp of Math.Log).
        for (int k = -1074; k <= 1023; k += 37)
            Tolerance.Close(Math.Log(Math.Pow(2.0, k)), PortableMath.Log(Math.Pow(2.0, k)), 2.3e-16, 0, $"ln 2^{k}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void LogRejectsNonPositiveOrNonFinite(double x) =>
        Assert.Throws<ArgumentException>(() => PortableMath.Log(x));

    [Property(MaxTest = 5000)]
    public Property SinAndCosAgreeWithTheRuntimeOnTheSwissRollRangeAndBeyond()
    {
        var gen = Gen.Choose(-2_000_000, 2_000_000).Select(k => k / 10_000.0);
        return Prop.ForAll(gen.ToArbitrary(), x =>
            Tolerance.IsClose(Math.Sin(x), PortableMath.Sin(x), 0, 4e-16 * Math.Max(1, Math.Abs(x) / 100)) &&
            Tolerance.IsClose(Math.Cos(x), PortableMath.Cos(x), 0, 4e-16 * Math.Max(1, Math.Abs(x) / 100)));
    }

    [Fact]
    public void SinAndCosAtExactPoints()
    {
        Assert.Equal(0.0, PortableMath.Sin(0.0));
        Assert.Equal(1.0, PortableMath.Cos(0.0));
        // The arguments are rounded multiples of π, so the exact values are off by < 1e-16; allow a few ulp.
        Tolerance.Close(1.0, PortableMath.Sin(Math.PI / 2), 4.5e-16);
        Tolerance.Close(-1.0, PortableMath.Cos(Math.PI), 4.5e-16);
        Tolerance.Close(Math.Sqrt(0.5), PortableMath.Sin(Math.PI / 4), 4.5e-16);
        Tolerance.Close(Math.Sqrt(0.5), PortableMath.Cos(Math.PI / 4), 4.5e-16);
        Tolerance.Close(0.5, PortableMath.Sin(Math.PI / 6), 4.5e-16);
        Tolerance.Close(0.5, PortableMath.Cos(Math.PI / 3), 4.5e-16);
    }

    [Fact]
    public void SinAndCosRejectHugeArguments()
    {
        Assert.Throws<ArgumentException>(() => PortableMath.Sin(1e6));
        Assert.Throws<ArgumentException>(() => PortableMath.Cos(double.NaN));
    }
}
