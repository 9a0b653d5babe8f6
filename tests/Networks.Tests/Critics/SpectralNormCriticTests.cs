using MathNet.Numerics.LinearAlgebra;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.Networks.Training;
using Verify.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Verify.Networks.Tests.Critics;

public sealed class SpectralNormCriticTests(ITestOutputHelper log)
{
    private static double SvdSigma(Tensor<double> w) =>
        Matrix<double>.Build.Dense(w.Rows, w.Cols, (i, j) => w[i, j]).Svd(false).S[0];

    [Fact]
    public void ConvergedPowerIterationNormalisesEveryLayerToSigmaOne()
    {
        // Independent route: MathNet's SVD. With many power iterations σ̂ = σ(W), so σ(W/σ̂) = 1.
        var sn = new SpectralNormCritic<double>(CriticArchitecture.Mlp(3, 12, 2), new Rng(5), powerIterations: 500);
        sn.Forward(Tensor.Zeros<double>(1, 3)); // one training-mode pass runs the iterations
        foreach (var w in sn.EffectiveWeights()) Tolerance.Close(1.0, SvdSigma(w), rel: 1e-9);
        for (int k = 0; k < 3; k++)
        {
            var raw = sn.NamedParameters().Where(p => p.Name.EndsWith("weight")).ElementAt(k).Parameter;
            Tolerance.Close(SvdSigma(raw), sn.SigmaEstimate(k), rel: 1e-9, what: $"σ̂ of layer {k}");
        }
    }

    [Fact]
    public void OneIterationPerStepTracksSigmaDuringTraining()
    {
        // Miyato et al.: one power iteration per step with u kept between steps. After 400 WGAN steps every layer's
        // normalised weight has σ within 0.1% of 1 (SVD), and the audit's spectral bound is ≈ 1.
        var rng = new Rng(2);
        var p = new SampleSet<double>(Enumerable.Range(0, 600).Select(_ => rng.NextNormal()).ToArray(), 2);
        var q = new SampleSet<double>(Enumerable.Range(0, 600).Select(_ => 2 + rng.NextNormal()).ToArray(), 2);
        var objective = CriticObjective<double>.For(new WganSnOptions { CriticOptimizer = OptimizerSettings.Adam(1e-3, 0.5, 0.9) });
        var fit = CriticTraining.Fit(objective, CriticArchitecture.Mlp(2, 16, 2), p, q, 400, new Rng(3));
        var sn = Assert.IsType<SpectralNormCritic<double>>(fit.Critic);
        foreach (var w in sn.EffectiveWeights())
        {
            double s = SvdSigma(w);
            log.WriteLine($"σ(W/σ̂) = {s}");
            Tolerance.Close(1.0, s, rel: 1e-3);
        }
        var audit = CriticAudit.Run(sn, p.Data, q.Data, new Rng(1));
        Tolerance.Close(1.0, audit.SpectralBound, rel: 3e-3);
        Tolerance.AtMost(audit.SpectralBound, audit.MaxGradientNorm, abs: 1e-12);
        Assert.True(sn.Training, "auditing restores training mode");
    }

    [Fact]
    public void EvaluationModeDoesNotMoveTheEstimate()
    {
        var sn = new SpectralNormCritic<double>(CriticArchitecture.Mlp(2, 8, 1), new Rng(9));
        sn.Training = false;
        double s0 = sn.SigmaEstimate(0);
        var x = Tensor.From([0.5, -1.0], 1, 2);
        double f1 = sn.Forward(x).Item(), f2 = sn.Forward(x).Item();
        Assert.Equal(f1, f2);
        Assert.Equal(s0, sn.SigmaEstimate(0));
        sn.Training = true;
        sn.Forward(x);
        Assert.NotEqual(s0, sn.SigmaEstimate(0));
    }

    [Fact]
    public void GradientFlowsThroughSigmaLikeAFiniteDifference()
    {
        // With u, v frozen (evaluation mode), f depends on W through W/(uᵀWv); compare ∂f/∂W₀₀ with a central difference.
        var sn = new SpectralNormCritic<double>(CriticArchitecture.Mlp(2, 4, 1, Activation.Tanh), new Rng(4));
        sn.Training = false;
        var x = Tensor.From([0.3, -0.7, 1.1, 0.4], 2, 2);
        var w = sn.NamedParameters().First().Parameter;
        sn.ZeroGrad();
        Tensor.Sum(sn.Forward(x)).Backward();
        double analytic = w.Grad![0];
        double h = 1e-6, w00 = w[0];
        w.Span[0] = w00 + h;
        double up = Tensor.Sum(sn.Forward(x)).Item();
        w.Span[0] = w00 - h;
        double down = Tensor.Sum(sn.Forward(x)).Item();
        w.Span[0] = w00;
        Tolerance.Close((up - down) / (2 * h), analytic, rel: 1e-6, abs: 1e-9);
    }
}
