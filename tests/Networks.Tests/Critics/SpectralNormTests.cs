using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Tensors;
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

    /// <summary>The start vector the first version used: 1 + 0.1·sin(1 + j), normalised.</summary>
    private static double[] OldStart(int n)
    {
        var v = Enumerable.Range(0, n).Select(j => 1.0 + 0.1 * Math.Sin(1.0 + j)).ToArray();
        double norm = Math.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    /// <summary>Σ coefficient·uvᵀ as a row-major n×n matrix.</summary>
    private static double[] Outer(int n, params (double C, double[] U, double[] V)[] terms)
    {
        var w = new double[n * n];
        foreach (var (c, u, v) in terms)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) w[i * n + j] += c * u[i] * v[j];
        return w;
    }

    [Fact]
    public void AStartVectorThatIsAnEigenvectorDoesNotHideTheTop()
    {
        // Issue 7: W = 2aaᵀ + v₀v₀ᵀ with v₀ the old fixed start and a ⟂ v₀ has σ = 2; from v₀ power iteration stays at 1.
        int n = 5;
        var v0 = OldStart(n);
        var a = new double[] { 1, -1, 0, 0, 0 };
        double dot = a.Zip(v0).Sum(p => p.First * p.Second);
        a = a.Select((x, i) => x - dot * v0[i]).ToArray();
        double na = Math.Sqrt(a.Sum(x => x * x));
        a = a.Select(x => x / na).ToArray();
        var w = Outer(n, (2, a, a), (1, v0, v0));
        Tolerance.Close(2.0, SpectralNorm.Of(w, n, n), rel: 1e-12);
    }

    [Fact]
    public void AStartVectorInTheNullSpaceDoesNotGiveZero()
    {
        // Issue 7: rows (v₁, −v₀, 0)·(1, 2) with v the old start are orthogonal to it (exactly, in floating point), so
        // W·v₀ = 0 and the old start returned 0; W has rank one and σ = √5·‖(v₁, −v₀)‖.
        var v = Enumerable.Range(0, 3).Select(j => 1.0 + 0.1 * Math.Sin(1.0 + j)).ToArray();
        double[] w = [v[1], -v[0], 0, 2 * v[1], -2 * v[0], 0];
        Tolerance.Close(Math.Sqrt(5 * (v[0] * v[0] + v[1] * v[1])), SpectralNorm.Of(w, 2, 3), rel: 1e-12);
    }

    private static double Svd(double[] w, int rows, int cols) => Matrix<double>.Build.Dense(rows, cols, (i, j) => w[i * cols + j]).Svd(false).S[0];

    [Fact]
    public void UpperBoundIsNeverBelowTheSvdAndWithinTheRankFactor()
    {
        // σ ≤ (tr Gᵖ)^(1/2p) ≤ rank^(1/2p)·σ, on random matrices including low-rank ones (products of thin factors) and
        // matrices with two nearly equal top singular values, where power iteration converges slowly.
        Gen<(int, int, double[])> matrices =
            from rows in Gen.Choose(1, 9) from cols in Gen.Choose(1, 9) from rank in Gen.Choose(1, 9)
            from a in Gen.ArrayOf(Gen.Choose(-1000, 1000).Select(v => v / 100.0), rows * rank)
            from b in Gen.ArrayOf(Gen.Choose(-1000, 1000).Select(v => v / 100.0), rank * cols)
            select (rows, cols, Enumerable.Range(0, rows * cols).Select(k => Enumerable.Range(0, rank).Sum(r => a[k / cols * rank + r] * b[r * cols + k % cols])).ToArray());
        PropertyCheck.Run(Prop.ForAll(matrices.ToArbitrary(), m =>
        {
            var (rows, cols, w) = m;
            double sigma = Svd(w, rows, cols), bound = SpectralNorm.UpperBound(w, rows, cols);
            double slack = Math.Pow(Math.Min(rows, cols), 1.0 / (2 << SpectralNorm.DefaultSquarings));
            Tolerance.AtMost(bound, sigma * (1 - 1e-13), abs: 0, what: "σ below the bound");
            Tolerance.AtMost(sigma * slack * (1 + 1e-9), bound, abs: 1e-300, what: "bound within the rank factor");
            Tolerance.AtMost(SpectralNorm.Frobenius(w) * (1 + 1e-12), bound, abs: 1e-300, what: "never above the Frobenius norm");
            return true;
        }));
        var twin = new double[] { 1, 0, 0, 0, 1 - 1e-12, 0, 0, 0, 0.5 };
        Tolerance.AtMost(SpectralNorm.UpperBound(twin, 3, 3), 1.0, abs: 0);
    }

    [Fact]
    public void UpperBoundHoldsForTheMatricesThatFooledTheFixedStart()
    {
        var v = Enumerable.Range(0, 3).Select(j => 1.0 + 0.1 * Math.Sin(1.0 + j)).ToArray();
        double[] w = [v[1], -v[0], 0, 2 * v[1], -2 * v[0], 0];
        double sigma = Math.Sqrt(5 * (v[0] * v[0] + v[1] * v[1]));
        Tolerance.Close(sigma, SpectralNorm.UpperBound(w, 2, 3), rel: 1e-12); // rank one: the bound is exact
        Assert.Equal(0.0, SpectralNorm.UpperBound(new double[6], 2, 3));
    }

    [Fact]
    public void OperatorBoundBracketsTheNormOfDenseMatrices()
    {
        // Through a map and its adjoint only: estimate ≤ σ ≤ bound (δ = 10⁻⁶ per seed; 40 seeds here), with the bound
        // within the factor √F of the estimate.
        Gen<(int, int, double[], ulong)> cases =
            from rows in Gen.Choose(1, 12) from cols in Gen.Choose(1, 12)
            from w in Gen.ArrayOf(Gen.Choose(-1000, 1000).Select(v => v / 100.0), rows * cols) from seed in Gen.Choose(0, 1000)
            select (rows, cols, w, (ulong)seed);
        PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (rows, cols, w, seed) = c;
            double sigma = Svd(w, rows, cols);
            var r = SpectralNorm.OfOperator(x => { var y = new double[rows]; SpectralNorm.MatVec(w, rows, cols, x, y); return y; },
                y => { var x = new double[cols]; SpectralNorm.MatTVec(w, rows, cols, y, x); return x; }, cols, 300, 1e-6, seed);
            Tolerance.AtMost(sigma * (1 + 1e-12), r.Estimate, abs: 1e-300, what: "estimate");
            Tolerance.AtMost(r.UpperBound, sigma, abs: 0, what: "σ vs the bound");
            Tolerance.Close(r.Estimate * Math.Sqrt(SpectralNorm.BoundFactor(cols, 300, 1e-6)) * (1 + 1e-9), r.UpperBound, rel: 1e-15);
            return true;
        }), maxTest: 40);
    }

    [Fact]
    public void BoundFactorIsTheBestThetaOfTheTailInequality()
    {
        // F = min over θ ∈ (0, t^(1/2k)) of 1/(θ(1 − θ²ᵏ/t)), t = πδ²/(2n); checked by a grid search over θ.
        foreach (var (n, k, delta) in new[] { (784, 1000, 1e-6), (12544, 4000, 1e-6), (3, 5, 0.1) })
        {
            double t = Math.PI * delta * delta / (2.0 * n), top = Math.Pow(t, 1.0 / (2 * k)), best = double.PositiveInfinity;
            for (int i = 1; i < 200_000; i++)
            {
                double theta = top * i / 200_000.0;
                best = Math.Min(best, 1 / (theta * (1 - Math.Pow(theta, 2 * k) / t)));
            }
            Tolerance.Close(best, SpectralNorm.BoundFactor(n, k, delta), rel: 1e-6, what: $"F(n = {n}, k = {k}, δ = {delta})");
        }
        Assert.InRange(Math.Sqrt(SpectralNorm.BoundFactor(12544, 4000, 1e-6)), 1.002, 1.004);
    }

    [Fact]
    public void ConvolutionNormMatchesTheSvdOfItsDenseMatrix()
    {
        // The dense matrix of a small strided, padded convolution (columns = images of unit vectors), its σ by MathNet's
        // SVD; the power iteration through Im2Col/Col2Im must find it, and the bound must not fall below it.
        var g = Conv2dGeometry.Square(2, 5, 6, 3, 2, 1);
        int o = 3, n = g.Channels * g.Height * g.Width, m = o * g.Windows;
        var weight = Tensor.Normal<double>(new Rng(5), 0, 1, o, g.Channels, 3, 3);
        var dense = Matrix<double>.Build.Dense(m, n);
        for (int j = 0; j < n; j++)
        {
            var e = new double[n];
            e[j] = 1;
            var y = Tensor.Conv2d(Tensor.From(e, 1, g.Channels, g.Height, g.Width), weight, null, 2, 1).ToArray();
            for (int i = 0; i < m; i++) dense[i, j] = y[i];
        }
        double sigma = dense.Svd(false).S[0];
        var r = SpectralNorm.OfConv2d(weight.ToArray(), o, g, iterations: 2000);
        Tolerance.Close(sigma, r.Estimate, rel: 1e-9);
        Tolerance.AtMost(r.UpperBound, sigma, abs: 0);
        Tolerance.AtMost(sigma * 1.01, r.UpperBound, abs: 0);
        Tolerance.AtMost(Math.Sqrt(g.MaxMultiplicity) * SpectralNorm.UpperBound(weight.ToArray(), o, g.PatchSize), r.UpperBound, abs: 0, what: "never above the certain cap");
    }

    [Fact]
    public void RefusesAShapeThatDoesNotMatch()
    {
        Assert.Throws<ArgumentException>(() => SpectralNorm.Of([1, 2, 3], 2, 2));
    }
}
