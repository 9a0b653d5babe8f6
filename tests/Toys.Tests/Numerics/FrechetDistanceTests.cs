using MathNet.Numerics.LinearAlgebra;
using Verify.TestSupport;
using Verify.Toys.Numerics;
using Xunit;

namespace Verify.Toys.Tests.Numerics;

public sealed class FrechetDistanceTests
{
    [Fact]
    public void OneDimensionIsTheW2ClosedForm()
    {
        // W₂²(N(μ₁, σ₁²), N(μ₂, σ₂²)) = (μ₁ − μ₂)² + (σ₁ − σ₂)²
        Tolerance.Close(Math.Pow(1.5 - -0.5, 2) + Math.Pow(3 - 0.5, 2), FrechetDistance.Squared([1.5], [9], [-0.5], [0.25]), rel: 1e-12);
    }

    [Fact]
    public void DiagonalCovariancesAddPerCoordinate()
    {
        double[] s1 = [4, 0, 0, 0, 1, 0, 0, 0, 0.25], s2 = [1, 0, 0, 0, 1, 0, 0, 0, 9];
        double expected = 1 + 4 + 0 + (2 - 1) * (2 - 1) + 0 + (0.5 - 3) * (0.5 - 3);
        Tolerance.Close(expected, FrechetDistance.Squared([1, 2, 0], s1, [0, 0, 0], s2), rel: 1e-12);
    }

    [Fact]
    public void NonCommutingCovariancesMatchTheEigenvaluesOfTheProduct()
    {
        // Independent route: Tr((Σ₁Σ₂)^½) = Σ √λᵢ(Σ₁Σ₂), from the general (non-symmetric) eigendecomposition of the product.
        var s1 = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 0.8, 0.1 }, { 0.8, 1, 0.3 }, { 0.1, 0.3, 0.5 } });
        var s2 = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, -0.4, 0 }, { -0.4, 3, 0.9 }, { 0, 0.9, 0.7 } });
        double cross = (s1 * s2).Evd().EigenValues.Sum(e => Math.Sqrt(e.Real));
        double expected = 1 + 0 + 4 + s1.Trace() + s2.Trace() - 2 * cross;
        double got = FrechetDistance.Squared([1, 0, 2], Flat(s1), [0, 0, 0], Flat(s2));
        Tolerance.Close(expected, got, rel: 1e-12);
    }

    [Fact]
    public void EqualSetsAreAtZeroAndMomentsAreUnbiased()
    {
        double[] x = [0, 0, 1, 2, 2, 4, 3, 0];
        var (m, c) = FrechetDistance.Moments(x, 2);
        Tolerance.Close([1.5, 1.5], m);
        Tolerance.Close((2.25 + 0.25 + 0.25 + 2.25) / 3, c[0]);
        Tolerance.Close(0, FrechetDistance.Between(x, x, 2), abs: 1e-7); // √ of a rounding-level d²
        Assert.Throws<ArgumentException>(() => FrechetDistance.Moments([1, 2], 2));
    }

    private static double[] Flat(Matrix<double> m) => Enumerable.Range(0, m.RowCount * m.ColumnCount).Select(k => m[k / m.ColumnCount, k % m.ColumnCount]).ToArray();
}
