using Verify.Networks.Architectures;
using Verify.Networks.Autodiff;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Optim;
using Verify.Networks.Tensors;
using Verify.Networks.Training;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Architectures;

/// <summary>The DCGAN critic against PyTorch (outputs, WGAN-GP penalty and its weight gradient), and its audit.</summary>
public sealed class DcganCriticTests(Xunit.Abstractions.ITestOutputHelper log)
{
    [Theory]
    [InlineData(CriticNormalization.None)]
    [InlineData(CriticNormalization.LayerNorm)]
    public void OutputsAndPenaltyMatchPyTorch(CriticNormalization norm)
    {
        bool ln = norm == CriticNormalization.LayerNorm;
        var d = new DcganCritic<double>(new Rng(0), norm);
        TorchFill.SameLayout(ln ? TorchArchitectures.CriticLayerNormStateDict : TorchArchitectures.CriticPlainStateDict, d.StateDict());
        TorchFill.Fill(d);
        var x = Tensor.Reshape(TorchFill.Grid([2, 1, 28, 28], 31, 7, 8), 2, 784).RequireGrad();
        var f = d.Forward(x);
        Tolerance.Close(ln ? TorchArchitectures.CriticLayerNormOutput : TorchArchitectures.CriticPlainOutput, f.ToArray(), 1e-12, 0, "f(x)");
        var p = GradientPenalty.At(d, x, PenaltySide.TwoSided);
        Tolerance.Close((ln ? TorchArchitectures.CriticLayerNormPenalty : TorchArchitectures.CriticPlainPenalty)[0], p.Item(), 1e-12);
        var last = (Linear<double>)d.Body[d.Body.Count - 1];
        var grads = Autograd.Grad(p, [((Conv2d<double>)d.Body[0]).Weight, ((Conv2d<double>)d.Body[2]).Weight, last.Weight]);
        Tolerance.Close(ln ? TorchArchitectures.CriticLayerNormPenaltyGradSample : TorchArchitectures.CriticPlainPenaltyGradSample,
            [grads[0][5], grads[1][1234], grads[2][4000]], 1e-11, 1e-15, "∂penalty/∂W");
    }

    [Fact]
    public void TakesFlatOrImageBatchesAndExportsAPlainStateDict()
    {
        var d = new DcganCritic<double>(new Rng(1), spectralNorm: true);
        var x = Tensor.Uniform<double>(new Rng(2), -1, 1, 3, 784);
        d.Eval();
        Assert.Equal(d.Forward(x).ToArray(), d.Forward(Tensor.Reshape(x, 3, 1, 28, 28)).ToArray());
        Assert.Equal(new[] { "0.weight_orig", "0.bias", "2.weight_orig", "2.bias", "5.weight_orig", "5.bias" }, d.NamedParameters().Select(p => p.Name));
        Assert.Equal(new[] { "0.weight", "0.bias", "2.weight", "2.bias", "5.weight", "5.bias" }, d.ExportParameters().Select(p => p.Name));
        // The exported plain weights compute the same function.
        var plain = new DcganCritic<double>(new Rng(9));
        foreach (var (name, value) in d.ExportParameters()) value.Span.CopyTo(plain.NamedParameters().Single(p => p.Name == name).Parameter.Span);
        Tolerance.Close(d.Forward(x).ToArray(), plain.Forward(x).ToArray(), 1e-13, 1e-15);
        Assert.Contains("[N, 784]", Assert.Throws<ArgumentException>(() => d.Forward(Tensor.Zeros<double>(2, 783))).Message);
    }

    [Fact]
    public void AuditBoundsTheGradientNormFromAbove()
    {
        // Layer-by-layer bound (power iteration through each conv and its adjoint) ≥ every gradient norm the audit finds;
        // and with spectral norm and a converged iteration each conv's matrix has σ = 1, so the bound stays modest.
        var rng = new Rng(3);
        var p = Tensor.Uniform<double>(rng, -1, 1, 16, 784);
        var q = Tensor.Uniform<double>(rng, -1, 1, 16, 784);
        foreach (var critic in new DcganCritic<double>[] { new(new Rng(4), width: 8), new(new Rng(5), width: 8, spectralNorm: true, powerIterations: 50) })
        {
            critic.Forward(p); // one training-mode pass runs the power iterations
            var audit = CriticAudit.Run(critic, p, q, new Rng(6));
            Tolerance.AtMost(audit.SpectralBound, audit.MaxGradientNorm, abs: 0, what: "max gradient norm vs the bound");
            Tolerance.AtMost(audit.SpectralBound, audit.PairwiseRatio, abs: 0, what: "pairwise ratio vs the bound");
            Assert.True(double.IsFinite(audit.SpectralBound));
        }
        var layerNorm = new DcganCritic<double>(new Rng(4), CriticNormalization.LayerNorm, width: 8);
        Assert.True(LipschitzBound.OfCritic(layerNorm).Bound >= 100, "LayerNorm's bound is 1/√ε = 316 per unit γ");
    }

    [Fact]
    public void WganGpCriticStepsInFloatSeparateTwoImageLaws()
    {
        // The WGAN-GP critic objective of the library on the DCGAN critic (width 8, float32): images bright in the top half
        // (P) against bright in the bottom half (Q). 40 Adam steps must raise the estimate E_P f − E_Q f on fresh batches
        // from ≈ 0 to well above 5 (seen: 34, the critic is not yet near 1-Lipschitz after so few steps), losses finite.
        var objective = CriticObjective<float>.For(new WganGpOptions());
        var critic = new DcganCritic<float>(new Rng(1), width: 8);
        var optimizer = new Adam<float>(critic.Parameters(), 1e-3, 0.5, 0.9);
        var rng = new Rng(2);
        Tensor<float> Batch(bool top) => Tensor.From(Enumerable.Range(0, 16 * 784).Select(i =>
            (float)(rng.NextUniform(-1, 0) + ((i % 784 < 392) == top ? 0.8 : 0))).ToArray(), 16, 784);
        var (p0, q0) = (Batch(true), Batch(false));
        double before = objective.Estimate(critic, p0, q0);
        for (int step = 0; step < 40; step++)
        {
            var (loss, _) = CriticTraining.Step(objective, critic, optimizer, Batch(true), Batch(false), rng, step);
            Assert.True(double.IsFinite(loss), $"loss at step {step}");
        }
        double after = objective.Estimate(critic, Batch(true), Batch(false));
        log.WriteLine($"estimate before {before}, after 40 steps {after}");
        Assert.True(Math.Abs(before) < 0.5 && after > 5, $"estimate {before} → {after}");
        Assert.True(critic.Training, "estimating leaves the critic in training mode");
    }
}
