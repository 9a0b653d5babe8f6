using Verify.Networks.Autodiff;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Autodiff;

/// <summary>
/// The gradient penalty's gradient must reach the critic's weights (double backward through a LeakyReLU critic).
/// Reference values: PyTorch 1.13, float64 (given in issue 4).
/// </summary>
public sealed class GradientPenaltyTests
{
    private static (Tensor<double> Gp, Tensor<double> W1, Tensor<double> B1, Tensor<double> W2, Tensor<double> B2) Build()
    {
        var w1 = Tensor.From(new double[,] { { 0.5, -1.0 }, { 1.5, 0.25 }, { -0.75, 0.8 } }).RequireGrad();
        var b1 = Tensor.From(new[] { 0.1, -0.2, 0.05 }).RequireGrad();
        var w2 = Tensor.From(new double[,] { { 1.0, -0.5, 2.0 } }).RequireGrad();
        var b2 = Tensor.From(new[] { 0.3 }).RequireGrad();
        var x = Tensor.From(new double[,] { { 0.2, -0.4 }, { 1.0, 0.5 } }).RequireGrad();
        var f = Tensor.Linear(Tensor.LeakyRelu(Tensor.Linear(x, w1, b1), 0.2), w2, b2);
        var g = Autograd.Grad(Tensor.Sum(f), x, createGraph: true);
        var gp = Tensor.Mean(Tensor.Square(Tensor.AddScalar(Tensor.RowNorm(g), -1.0)));
        return (gp, w1, b1, w2, b2);
    }

    [Fact]
    public void PenaltyMatchesPyTorch() => Tolerance.Close(0.0006275667999867852, Build().Gp.Item(), rel: 1e-12);

    [Fact]
    public void PenaltyGradientReachesTheWeights()
    {
        var (gp, w1, b1, w2, b2) = Build();
        var grads = Autograd.Grad(gp, [w1, b1, w2, b2]);
        Tolerance.Close([0.02826447306489286, 0.04136891057679773, -0.01413223653244643, -0.020684455288398865, 0.011305789225957145, 0.016547564230719094],
            grads[0].ToArray(), rel: 1e-12, what: "dGP/dW1");
        Tolerance.Close([0.0, 0.0, 0.0], grads[1].ToArray(), abs: 1e-15, what: "dGP/db1");
        Tolerance.Close([-0.0272366740443513, 0.052738937241538726, 0.002379354732553708], grads[2].ToArray(), rel: 1e-12, what: "dGP/dw2");
        Tolerance.Close([0.0], grads[3].ToArray(), abs: 1e-15, what: "dGP/db2");
    }

    [Fact]
    public void BackwardFromThePenaltyFillsWeightGradients()
    {
        var (gp, w1, _, w2, _) = Build();
        gp.Backward();
        Assert.NotNull(w1.Grad);
        Assert.NotNull(w2.Grad);
        Tolerance.Close(0.02826447306489286, w1.Grad![0], rel: 1e-12, what: "dGP/dW1[0,0]");
        Tolerance.Close(-0.0272366740443513, w2.Grad![0], rel: 1e-12, what: "dGP/dw2[0]");
    }

    [Fact]
    public void FloatPenaltyGradientAgreesWithTheReference()
    {
        // The same double backward in float32: agreement to float precision (relative 1e-5 of the largest entry).
        var w1 = Tensor.From(new float[,] { { 0.5f, -1.0f }, { 1.5f, 0.25f }, { -0.75f, 0.8f } }).RequireGrad();
        var b1 = Tensor.From(new[] { 0.1f, -0.2f, 0.05f }).RequireGrad();
        var w2 = Tensor.From(new float[,] { { 1.0f, -0.5f, 2.0f } }).RequireGrad();
        var b2 = Tensor.From(new[] { 0.3f }).RequireGrad();
        var x = Tensor.From(new float[,] { { 0.2f, -0.4f }, { 1.0f, 0.5f } }).RequireGrad();
        var f = Tensor.Linear(Tensor.LeakyRelu(Tensor.Linear(x, w1, b1), 0.2f), w2, b2);
        var g = Autograd.Grad(Tensor.Sum(f), x, createGraph: true);
        var gp = Tensor.Mean(Tensor.Square(Tensor.AddScalar(Tensor.RowNorm(g), -1f)));
        gp.Backward();
        Tolerance.Close(0.0006275667999867852, gp.Item(), rel: 1e-4);
        Tolerance.Close([0.02826447306489286, 0.04136891057679773, -0.01413223653244643, -0.020684455288398865, 0.011305789225957145, 0.016547564230719094],
            w1.Grad!.ToDoubleArray(), rel: 0, abs: 1e-5 * 0.0414, what: "dGP/dW1 (float)");
        Tolerance.Close([-0.0272366740443513, 0.052738937241538726, 0.002379354732553708], w2.Grad!.ToDoubleArray(), rel: 0, abs: 1e-5 * 0.0527, what: "dGP/dw2 (float)");
    }
}
