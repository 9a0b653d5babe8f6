using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Verify.Networks.Critics;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Critics;

public sealed class SpectralNormTests
{
    [Fact]
    public void DiagonalAndRankOneMatricesHaveKnownNorms()
    {
        Tolerance.Close(3.0, SpectralNorm.Of([1, 0, 0, 0, -3, 0], 2, 3), rel: 1e-12);
        // uvᵀ has σ = ‖u‖·‖v‖: u = (1, 2), v = (2, −1, 2) → √5 · 3.
        Tolerance.Close(Math.Sqrt(5) * 3, SpectralNorm.Of([2, -1, 2, 4, -2, 4], 2, 3), rel: 1e-12);
        Assert.Equal(0.0, SpectralNorm.Of([0, 0, 0, 0], 2, 2));
    }

    [Fact]
    public void AgreesWithMathNetSvdOnRandomMatrices()
    {
        // Independent route: the largest singular value from MathNet's SVD.
        Gen<(int, int, double[])> matrices =
            from rows in Gen.Choose(1, 8)
            from cols in Gen.Choose(1, 8)
            from vals in Gen.ArrayOf(Gen.Choose(-1000, 1000).Select(v => v / 100.0), rows * cols)
            select (rows, cols, vals);
        PropertyCheck.Run(Prop.ForAll(matrices.ToArbitrary(), m =>
        {
            var (rows, cols, vals) = m;
            double expected = Matrix<double>.Build.Dense(rows, cols, (i, j) => vals[i * cols + j]).Svd(false).S[0];
            return Tolerance.IsClose(expected, SpectralNorm.Of(vals, rows, cols), rel: 1e-8, abs: 1e-12);
        }));
    }

    [Fact]
    public void RefusesAShapeThatDoesNotMatch()
    {
        Assert.Throws<ArgumentException>(() => SpectralNorm.Of([1, 2, 3], 2, 2));
    }
}
