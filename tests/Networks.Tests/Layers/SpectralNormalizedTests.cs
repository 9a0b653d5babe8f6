using MathNet.Numerics.LinearAlgebra;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Layers;

/// <summary>The per-layer spectral-norm wrapper on Linear, Conv2d and ConvTranspose2d: σ(W/σ̂) = 1 by SVD, modes, names, gradient.</summary>
public sealed class SpectralNormalizedTests
{
    private static double Sigma(double[] w, int rows, int cols) => Matrix<double>.Build.Dense(rows, cols, (i, j) => w[i * cols + j]).Svd(false).S[0];

    [Fact]
    public void ConvergedIterationGivesSigmaOneForEachLayerKind()
    {
        // The matrix PyTorch normalises: [O, C·k·k] for Conv2d (dim 0), [Cout, Cin·k·k] for ConvTranspose2d (dim 1).
        var conv = new SpectralNormalized<double>(new Conv2d<double>(3, 4, 3, new Rng(1)), new Rng(2), powerIterations: 300);
        var convT = new SpectralNormalized<double>(new ConvTranspose2d<double>(3, 5, 2, new Rng(3), stride: 2), new Rng(4), powerIterations: 300);
        var linear = new SpectralNormalized<double>(new Linear<double>(6, 4, new Rng(5)), new Rng(6), powerIterations: 300);
        conv.Forward(Tensor.Zeros<double>(1, 3, 4, 4));
        convT.Forward(Tensor.Zeros<double>(1, 3, 2, 2));
        linear.Forward(Tensor.Zeros<double>(1, 6));
        Tolerance.Close(1.0, Sigma(conv.NormalizedWeight().ToArray(), 4, 27), 1e-10, 0, "conv");
        var wt = Tensor.Permute(convT.NormalizedWeight(), 1, 0, 2, 3).ToArray();
        Tolerance.Close(1.0, Sigma(wt, 5, 12), 1e-10, 0, "transposed conv");
        Tolerance.Close(1.0, Sigma(linear.NormalizedWeight().ToArray(), 4, 6), 1e-10, 0, "linear");
        Tolerance.Close(Sigma(Tensor.Permute(convT.Layer.Weight, 1, 0, 2, 3).ToArray(), 5, 12), convT.SigmaEstimate(), 1e-10);
    }

    [Fact]
    public void NamesAreThoseOfPyTorchsSpectralNorm()
    {
        var sn = new SpectralNormalized<float>(new Conv2d<float>(2, 3, 3, new Rng(1)), new Rng(2));
        Assert.Equal(new[] { "weight_orig", "bias" }, sn.NamedParameters().Select(p => p.Name));
        Assert.Equal(new[] { "weight_u", "weight_v" }, sn.NamedBuffers().Select(b => b.Name));
        Assert.Equal(new[] { 3 }, sn.U.Shape);
        Assert.Equal(new[] { 18 }, sn.V.Shape);
        var net = new Sequential<float>(sn, new LeakyReLU<float>(0.2));
        Assert.Equal(new[] { "0.weight_orig", "0.bias" }, net.NamedParameters().Select(p => p.Name));
        Assert.Equal(new[] { "0.weight_u", "0.weight_v" }, net.NamedBuffers().Select(b => b.Name));
    }

    [Fact]
    public void EvaluationModeKeepsUAndTrainingModeMovesIt()
    {
        var sn = new SpectralNormalized<double>(new Linear<double>(3, 4, new Rng(1)), new Rng(2));
        var net = new Sequential<double>(sn);
        net.Eval();
        Assert.False(sn.Training);
        Assert.False(sn.Layer.Training);
        var u = sn.U.ToArray();
        var x = Tensor.From([0.5, -1.0, 2.0], 1, 3);
        Assert.Equal(net.Forward(x).ToArray(), net.Forward(x).ToArray());
        Assert.Equal(u, sn.U.ToArray());
        net.Train();
        net.Forward(x);
        Assert.NotEqual(u, sn.U.ToArray());
    }

    [Fact]
    public void GradientFlowsThroughSigmaLikeAFiniteDifference()
    {
        // With u, v frozen, y depends on W through W/(uᵀW'v); ∂(Σy)/∂W against central differences, for a transposed conv (dim 1).
        var sn = new SpectralNormalized<double>(new ConvTranspose2d<double>(2, 3, 2, new Rng(1), stride: 2), new Rng(2));
        sn.Eval();
        var x = Tensor.Normal<double>(new Rng(3), 0, 1, 2, 2, 2, 2);
        var w = sn.Layer.Weight;
        var analytic = Verify.Networks.Autodiff.Autograd.Grad(Tensor.Sum(Tensor.Tanh(sn.Forward(x))), w);
        for (int i = 0; i < w.Length; i += 3)
        {
            double w0 = w[i];
            w.Span[i] = w0 + 1e-6;
            double up = Tensor.Sum(Tensor.Tanh(sn.Forward(x))).Item();
            w.Span[i] = w0 - 1e-6;
            double down = Tensor.Sum(Tensor.Tanh(sn.Forward(x))).Item();
            w.Span[i] = w0;
            Tolerance.Close((up - down) / 2e-6, analytic[i], 1e-6, 1e-9, $"∂/∂W[{i}]");
        }
    }
}
