using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tests.Critics;
using Verify.Networks.Training;
using Verify.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Verify.Networks.Tests.Training;

public sealed class CriticTrainingTests(ITestOutputHelper log)
{
    private static readonly CriticArchitecture Small1D = CriticArchitecture.Mlp(1, 32, 2);

    [Fact]
    public void WganGpOnTwoUnitGaussiansLandsWithinFivePercentOfW1()
    {
        // P = N(0, 1), Q = N(2, 1): W₁ = 2. Exact W₁ between the 2000-point samples by the sorted (quantile) coupling.
        // The penalised objective E_P f − E_Q f − λ·E(‖∇f‖ − 1)² is maximised over linear critics f = −s·x at slope
        // s = 1 + W₁/(2λ), where its estimate is W₁·s: the paper's λ = 10 overshoots W₁ = 2 by 10% by design, λ = 100 by 1%.
        // So: with λ = 100 the estimate lands within 5% of W₁; with λ = 10 within 5% of W₁·(1 + W₁/(2λ)).
        double[] p = CriticTestKit.Normal(2000, 0, 1, 1), q = CriticTestKit.Normal(2000, 2, 1, 2);
        double exact = CriticTestKit.SortedW1(p, q);
        Tolerance.Close(2.0, exact, rel: 0.05, what: "sample W1 vs population W1 = 2 (n = 2000: sd ≈ 0.03)");
        foreach (double lambda in new[] { 100.0, 10.0 })
        {
            // Adam lr raised from 1e-4 to 1e-3 so that 800 steps suffice in a unit test.
            var options = new WganGpOptions { Batch = 128, Lambda = lambda, CriticOptimizer = OptimizerSettings.Adam(1e-3, 0.5, 0.9) };
            var objective = CriticObjective<double>.For(options);
            var fit = CriticTraining.Fit(objective, Small1D, CriticTestKit.Set(p), CriticTestKit.Set(q), 800, new Rng(7));
            double estimate = objective.Estimate(fit.Critic, CriticTestKit.Column(p), CriticTestKit.Column(q));
            double target = lambda >= 100 ? exact : exact * (1 + exact / (2 * lambda));
            log.WriteLine($"λ = {lambda}: exact {exact}, target {target}, estimate {estimate}, {fit.Seconds:F2} s");
            Tolerance.Close(target, estimate, rel: 0.05, what: $"WGAN-GP estimate (λ = {lambda})");
        }
    }

    [Fact]
    public void TwoSidedPenaltyTrapsACriticThatStartsWithTheWrongSlope()
    {
        // P = N(3, 1), Q = N(0.84, 0.03²): W₁ ≈ 2.16, so the optimal critic increases (f = s·x, s > 0). This seed's
        // critic starts decreasing. Over linear critics the penalised value W₁·s − λ(|s| − 1)² has, besides the global
        // maximum s = 1 + W₁/(2λ), a local one at s = −1 + W₁/(2λ) (value ≈ W₁·s there); reaching s > 0 means crossing
        // s = 0 where the penalty is λ. WGAN-GP stays in the trap (estimate ≈ W₁·(−1 + W₁/(2λ)) < 0, within 5%);
        // the one-sided WGAN-LP (value W₁·s − λ·max(0, |s| − 1)²) has no barrier and reaches its maximum
        // s = 1 + W₁/(2λ), estimate W₁·(1 + W₁/(2λ)) (within 5%). Exact W₁ by the sorted coupling; λ = 10.
        var rng = new Rng(3);
        double[] p = Enumerable.Range(0, 2000).Select(_ => 3 + rng.NextNormal()).ToArray();
        double[] q = Enumerable.Range(0, 2000).Select(_ => 0.84 + 0.03 * rng.NextNormal()).ToArray();
        double exact = CriticTestKit.SortedW1(p, q);
        var adam = OptimizerSettings.Adam(1e-3, 0.5, 0.9);
        double Estimate(MethodOptions o)
        {
            var objective = CriticObjective<double>.For(o);
            var start = objective.Estimate(new MlpCritic<double>(Small1D, new Rng(2).Split()), CriticTestKit.Column(p), CriticTestKit.Column(q));
            Assert.True(start < 0, $"the critic must start with the wrong slope (initial estimate {start})");
            var fit = CriticTraining.Fit(objective, Small1D, CriticTestKit.Set(p), CriticTestKit.Set(q), 500, new Rng(2));
            return objective.Estimate(fit.Critic, CriticTestKit.Column(p), CriticTestKit.Column(q));
        }
        double gp = Estimate(new WganGpOptions { Batch = 128, CriticOptimizer = adam });
        double lp = Estimate(new WganLpOptions { Batch = 128, CriticOptimizer = adam });
        log.WriteLine($"exact {exact}: GP {gp}, LP {lp}");
        Tolerance.Close(exact * (-1 + exact / 20), gp, rel: 0.05, what: "WGAN-GP trapped estimate");
        Tolerance.Close(exact * (1 + exact / 20), lp, rel: 0.05, what: "WGAN-LP estimate");
    }

    [Fact]
    public void GanDiscriminatorOnDisjointSupportsDrivesJsTowardsLog2()
    {
        // P = U[0, 1], Q = U[2, 3]: JS(P, Q) = log 2. The estimate log 2 − loss/2 rises towards it as D separates the sets;
        // on held-out samples it must exceed 0.95·log 2 after training, and never exceed log 2 (BCE ≥ 0).
        var rng = new Rng(3);
        double[] p = Enumerable.Range(0, 400).Select(_ => rng.NextDouble()).ToArray();
        double[] q = Enumerable.Range(0, 400).Select(_ => 2 + rng.NextDouble()).ToArray();
        var options = new GanOptions { CriticOptimizer = OptimizerSettings.Adam(1e-2, 0.5, 0.999) };
        var objective = CriticObjective<double>.For(options);
        var (pTrain, pHeld) = CriticTestKit.Set(p).Split(new Rng(1));
        var (qTrain, qHeld) = CriticTestKit.Set(q).Split(new Rng(2));
        var before = objective.Estimate(new MlpCritic<double>(Small1D, new Rng(5)), pHeld.Data, qHeld.Data);
        var fit = CriticTraining.Fit(objective, Small1D, pTrain, qTrain, 600, new Rng(5));
        double js = objective.Estimate(fit.Critic, pHeld.Data, qHeld.Data);
        log.WriteLine($"JS estimate before {before}, after {js}, log 2 = {Math.Log(2)}");
        Assert.True(js > 0.95 * Math.Log(2), $"JS estimate {js} should approach log 2 = {Math.Log(2)}");
        Tolerance.AtMost(Math.Log(2), js, abs: 0);
        Assert.True(js > before + 0.1, $"training should raise the estimate (before {before}, after {js})");
    }

    [Fact]
    public void WeightClippedCriticStaysInsideItsLipschitzBound()
    {
        // Every weight in [−c, c] ⇒ σ(W) ≤ ‖W‖_F ≤ c·√(mn) per layer, so Lip f ≤ ∏ c·√(mₗnₗ) (ReLU is 1-Lipschitz);
        // the audit's lower bounds must sit below its spectral upper bound, which sits below that clip bound.
        var arch = CriticArchitecture.Mlp(2, 16, 2);
        var options = new WganClipOptions { CriticOptimizer = OptimizerSettings.RmsProp(5e-3) };
        var objective = CriticObjective<double>.For(options);
        var rng = new Rng(9);
        var p = new SampleSet<double>(Enumerable.Range(0, 400).Select(_ => rng.NextNormal()).ToArray(), 2);
        var q = new SampleSet<double>(Enumerable.Range(0, 400).Select(_ => 3 + rng.NextNormal()).ToArray(), 2);
        var fit = CriticTraining.Fit(objective, arch, p, q, 300, new Rng(4));
        foreach (var par in fit.Critic.Parameters())
            Assert.All(par.ToArray(), w => Tolerance.AtMost(options.Clip, Math.Abs(w), abs: 0, what: par.Name));
        double clipBound = 1;
        foreach (var w in fit.Critic.EffectiveWeights()) clipBound *= options.Clip * Math.Sqrt(w.Rows * w.Cols);
        var audit = CriticAudit.Run(fit.Critic, p.Data, q.Data, new Rng(8));
        log.WriteLine($"grad {audit.MaxGradientNorm}, pairwise {audit.PairwiseRatio}, spectral {audit.SpectralBound}, clip {clipBound}");
        Tolerance.AtMost(audit.SpectralBound, audit.MaxGradientNorm, abs: 1e-15, what: "max gradient norm");
        Tolerance.AtMost(audit.SpectralBound, audit.PairwiseRatio, abs: 1e-15, what: "pairwise ratio");
        Tolerance.AtMost(clipBound, audit.SpectralBound, abs: 1e-15, what: "spectral bound");
    }

    [Fact]
    public void SameSeedGivesBitIdenticalCritics()
    {
        double[] p = CriticTestKit.Normal(200, 0, 1, 1), q = CriticTestKit.Normal(200, 1, 1, 2);
        foreach (string method in MethodOptions.Names)
        {
            var objective = CriticObjective<double>.For(MethodOptions.Default(method));
            double[] Run() => CriticTraining.Fit(objective, Small1D, CriticTestKit.Set(p), CriticTestKit.Set(q), 20, new Rng(42))
                .Critic.Parameters().SelectMany(t => t.ToArray()).ToArray();
            Assert.Equal(Run().Select(BitConverter.DoubleToInt64Bits), Run().Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void NonFiniteLossStopsTrainingNamingIterationAndTensor()
    {
        // A float32 critic whose first-layer weights have grown to 1e30 (finite), fed samples of size 1e10: the
        // pre-activations reach 1e40, beyond float's 3.4e38, so the critic loss of this step (iteration 17) is not finite.
        var objective = CriticObjective<float>.For(new WganGpOptions());
        var critic = new MlpCritic<float>(Small1D, new Rng(1));
        critic.Linears[0].Weight.Span.Fill(1e30f);
        var optimizer = objective.Options.CriticOptimizer.Create(critic.Parameters());
        var real = Verify.Networks.Tensors.Tensor.Full(1e10f, 8, 1);
        var fake = Verify.Networks.Tensors.Tensor.Full(-1e10f, 8, 1);
        var e = Assert.Throws<TrainingDivergedException>(() => CriticTraining.Step(objective, critic, optimizer, real, fake, new Rng(2), 17));
        Assert.Equal(17, e.Iteration);
        Assert.Equal("critic loss", e.Tensor);
        Assert.StartsWith("training diverged at iteration 17: critic loss holds ", e.Message);
    }

    [Fact]
    public void ANonFiniteWeightIsCaughtBeforeClippingCanHideIt()
    {
        // SGD with lr = 1e308 on a clipped critic, samples 1000 apart (gradients far above 2): the first update sends
        // weights to ±∞; clamping to [−c, c] would turn them into ±c and hide the divergence. The check must run on the
        // optimiser's result, before the clamp.
        double[] p = CriticTestKit.Normal(50, 0, 1, 1), q = CriticTestKit.Normal(50, 1000, 1, 2);
        var options = new WganClipOptions { CriticOptimizer = OptimizerSettings.Sgd(1e308) };
        var objective = CriticObjective<double>.For(options);
        var e = Assert.Throws<TrainingDivergedException>(() =>
            CriticTraining.Fit(objective, Small1D, CriticTestKit.Set(p), CriticTestKit.Set(q), 5, new Rng(1)));
        Assert.Equal(0, e.Iteration);
        Assert.StartsWith("critic.", e.Tensor);
        Assert.True(double.IsInfinity(e.Value), $"the first bad value should be ±∞, got {e.Value}");
    }

    [Fact]
    public void NonFiniteWeightStopsTrainingNamingIterationAndTensor()
    {
        // SGD with lr = 1e308 in double: the first update sends some weight beyond the double range; the weight check of
        // iteration 0 must name a critic parameter and the first bad entry must be that parameter's.
        double[] p = CriticTestKit.Normal(50, 0, 1, 1), q = CriticTestKit.Normal(50, 5, 1, 2);
        var options = new WganGpOptions { CriticOptimizer = OptimizerSettings.Sgd(1e308) };
        var objective = CriticObjective<double>.For(options);
        var e = Assert.Throws<TrainingDivergedException>(() =>
            CriticTraining.Fit(objective, Small1D, CriticTestKit.Set(p), CriticTestKit.Set(q), 5, new Rng(1)));
        Assert.Equal(0, e.Iteration);
        string[] names = new MlpCritic<double>(Small1D, new Rng(0)).NamedParameters().Select(n => "critic." + n.Name).ToArray();
        Assert.Contains(e.Tensor, names);
        Assert.False(double.IsFinite(e.Value));
        Assert.True(e.Index >= 0);
    }
}
