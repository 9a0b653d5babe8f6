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
