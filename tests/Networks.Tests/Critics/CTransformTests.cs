using FsCheck;
using FsCheck.Fluent;
using Verify.Networks.Autodiff;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Tensors;
using Verify.Networks.Training;
using Verify.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Verify.Networks.Tests.Critics;

public sealed class CTransformTests(ITestOutputHelper log)
{
    [Fact]
    public void ValuesAreTheMinimumByBruteForce()
    {
        var x = Tensor.From([0.0, 0.0, 3.0, 4.0, -1.0, 2.0], 3, 2);
        var fx = Tensor.From([0.5, 4.0, -1.0], 3, 1);
        var y = Tensor.From([1.0, 1.0, 3.0, 3.0], 2, 2);
        double[] got = CTransform.Values(x, fx, y).ToArray();
        for (int j = 0; j < 2; j++)
        {
            double best = double.PositiveInfinity;
            for (int i = 0; i < 3; i++)
                best = Math.Min(best, Math.Sqrt(Math.Pow(x[i, 0] - y[j, 0], 2) + Math.Pow(x[i, 1] - y[j, 1], 2)) - fx[i, 0]);
            Tolerance.Close(best, got[j], rel: 1e-15);
        }
    }

    [Fact]
    public void GemmRouteGivesExactlyTheDirectLoopsArgMin()
    {
        // Integer coordinates on a small grid (duplicate points, exact ties) or continuous ones, with critic values that are
        // zero, random, or f(xᵢ) = ‖xᵢ − y₀‖ + k/8 (near-ties for the first query): the two routes must agree index for index.
        var cases = from n in Gen.Choose(1, 40) from m in Gen.Choose(1, 30) from d in Gen.Choose(1, 24) from grid in Gen.Elements(true, false)
                    from xs in Gen.ArrayOf(grid ? Gen.Choose(-2, 2).Select(v => (double)v) : Gens.Any, n * d)
                    from ys in Gen.ArrayOf(grid ? Gen.Choose(-2, 2).Select(v => (double)v) : Gens.Any, m * d)
                    from kind in Gen.Choose(0, 2) from fs in Gen.ArrayOf(Gens.Any, n) from ks in Gen.ArrayOf(Gen.Choose(0, 3), n)
                    select (n, m, d, xs, ys, kind, fs, ks);
        PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var x = Tensor.From(c.xs, c.n, c.d);
            var y = Tensor.From(c.ys, c.m, c.d);
            double[] f = c.kind switch
            {
                0 => new double[c.n],
                1 => c.fs,
                _ => Enumerable.Range(0, c.n).Select(i => Math.Sqrt(Enumerable.Range(0, c.d).Sum(k => Math.Pow(c.xs[i * c.d + k] - c.ys[k], 2))) + c.ks[i] / 8.0).ToArray(),
            };
            Assert.Equal(CTransform.ArgMinDirect(x, f, y), CTransform.ArgMinGemm(x, f, y));
            var xf = Tensor.Cast<double, float>(x); var yf = Tensor.Cast<double, float>(y);
            var ff = f.Select(v => (float)v).ToArray();
            Assert.Equal(CTransform.ArgMinDirect(xf, ff, yf), CTransform.ArgMinGemm(xf, ff, yf));
            return true;
        }), maxTest: 200);
    }

    [Fact]
    public void GemmRouteMatchesOnDigitSizedBatchesAndHostileValues()
    {
        // 400 × 300 points in 784-D with pixel values k/255 (a quarter of them duplicated, so exact ties occur), as a held-out
        // estimate sees them; then coordinates near 1e150 (squares overflow: the direct loop is taken) and NaN.
        var rng = new Rng(4);
        var xs = new double[400 * 784];
        for (int i = 0; i < xs.Length; i++) xs[i] = rng.NextInt(256) / 255.0;
        Array.Copy(xs, 0, xs, 300 * 784, 100 * 784);
        var ys = new double[300 * 784];
        for (int i = 0; i < ys.Length; i++) ys[i] = rng.NextInt(256) / 255.0;
        Array.Copy(xs, 0, ys, 0, 50 * 784);
        var x = Tensor.From(xs, 400, 784);
        var y = Tensor.From(ys, 300, 784);
        var f = Enumerable.Range(0, 400).Select(i => i % 7 == 0 ? 0.0 : rng.NextUniform(-0.5, 0.5)).ToArray();
        Assert.Equal(CTransform.ArgMinDirect(x, f, y), CTransform.ArgMin(x, f, y));
        Assert.Equal(CTransform.ArgMinDirect(x, new double[400], y), CTransform.ArgMin(x, new double[400], y));
        var big = Tensor.From(xs.Select(v => v * 1e150).ToArray(), 400, 784);
        Assert.Equal(CTransform.ArgMinDirect(big, f, y), CTransform.ArgMin(big, f, y));
        f[3] = double.NaN;
        Assert.Equal(CTransform.ArgMinDirect(x, f, y), CTransform.ArgMin(x, f, y));
    }

    [Fact]
    public void GradientIsRoutedToTheArgMin()
    {
        // f^c(y) = ‖x* − y‖ − f(x*): ∂/∂f(xᵢ) = −1 at the arg-min only; ∂/∂y = (y − x*)/‖y − x*‖.
        var x = Tensor.From([0.0, 0.0, 3.0, 4.0], 2, 2);
        var fx = Tensor.From([0.0, 4.0], 2, 1).RequireGrad();
        var y = Tensor.From([3.0, 3.0], 1, 2).RequireGrad(); // ‖x₀−y‖ − 0 = 4.24, ‖x₁−y‖ − 4 = −3 → arg-min 1
        var grads = Autograd.Grad(Tensor.Sum(CTransform.Values(x, fx, y)), [fx, y]);
        Assert.Equal([0.0, -1.0], grads[0].ToArray());
        Tolerance.Close([0.0, -1.0], grads[1].ToArray(), rel: 1e-15, abs: 1e-15);
    }

    [Fact]
    public void EstimateNeverExceedsTheExactW1()
    {
        // Weak duality: f(xᵢ) + f^c(y) ≤ ‖xᵢ − y‖ for every pair, so E_P f + E_Q f^c ≤ W₁(P, Q) for ANY critic.
        // Random untrained critics and random 1-D sets; exact W₁ by the sorted coupling.
        var objective = CriticObjective<double>.For(new WganCtOptions());
        Gen<(int, int, int)> cases = from seed in Gen.Choose(0, 1_000_000) from n in Gen.Choose(2, 40) from shift in Gen.Choose(-30, 30) select (seed, n, shift);
        PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (seed, n, shift) = c;
            double[] p = CriticTestKit.Normal(n, 0, 1, (ulong)seed), q = CriticTestKit.Normal(n, shift / 10.0, 2, (ulong)seed + 1);
            var critic = new MlpCritic<double>(CriticArchitecture.Mlp(1, 8, 2), new Rng(seed));
            double estimate = objective.Estimate(critic, CriticTestKit.Column(p), CriticTestKit.Column(q));
            return estimate <= CriticTestKit.SortedW1(p, q) + 1e-12;
        }), maxTest: 50);
    }

    [Fact]
    public void TrainedEstimateApproachesTheExactW1FromBelow()
    {
        // 64 vs 64 points on ℝ; the whole sets are the batch (batch 64 with replacement), estimate on the full sets.
        double[] p = CriticTestKit.Normal(64, 0, 1, 5), q = CriticTestKit.Normal(64, 1.5, 0.5, 6);
        double exact = CriticTestKit.SortedW1(p, q);
        var objective = CriticObjective<double>.For(new WganCtOptions { CriticOptimizer = OptimizerSettings.Adam(1e-3, 0.5, 0.9) });
        var fit = CriticTraining.Fit(objective, CriticArchitecture.Mlp(1, 32, 2), CriticTestKit.Set(p), CriticTestKit.Set(q), 600, new Rng(1));
        double estimate = objective.Estimate(fit.Critic, CriticTestKit.Column(p), CriticTestKit.Column(q));
        log.WriteLine($"exact {exact}, c-transform estimate {estimate}");
        Tolerance.AtMost(exact, estimate, abs: 1e-12, what: "weak duality");
        Tolerance.Close(exact, estimate, rel: 0.05, what: "c-transform estimate");
    }
}
