using MathNet.Numerics.LinearAlgebra;
using Verify.Networks.Autodiff;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Critics;

/// <summary>Layer-by-layer Lipschitz bounds: each factor against an independent route (dense SVD, closed forms, gradients).</summary>
public sealed class LipschitzBoundTests
{
    /// <summary>σ of the dense Jacobian of a linear map on inputs of <paramref name="shape"/> (columns = images of unit vectors).</summary>
    private static double DenseSigma(Func<Tensor<double>, Tensor<double>> map, int[] shape)
    {
        int n = shape.Aggregate(1, (a, b) => a * b);
        var zero = map(Tensor.Zeros<double>(shape)).ToArray();
        var m = Matrix<double>.Build.Dense(zero.Length, n);
        for (int j = 0; j < n; j++)
        {
            var e = new double[n];
            e[j] = 1;
            var y = map(Tensor.From(e, shape)).ToArray();
            for (int i = 0; i < y.Length; i++) m[i, j] = y[i] - zero[i];
        }
        return m.Svd(false).S[0];
    }

    [Fact]
    public void ConvNetBoundIsTheProductOfLayerNormsEachAboveItsDenseSigma()
    {
        var conv = new Conv2d<double>(2, 3, 3, new Rng(1), stride: 2, padding: 1);
        var convT = new ConvTranspose2d<double>(3, 2, 2, new Rng(2), stride: 2);
        var linear = new Linear<double>(2 * 4 * 4, 1, new Rng(3));
        var net = new Sequential<double>(conv, new LeakyReLU<double>(0.2), convT, new Tanh<double>(), new Flatten<double>(), linear);
        int[] shape = [1, 2, 4, 4];
        double sConv = DenseSigma(conv.Forward, shape), sConvT = DenseSigma(convT.Forward, [1, 3, 2, 2]);
        double sLinear = DenseSigma(linear.Forward, [1, 32]);
        var bound = LipschitzBound.Of(net, shape);
        double product = sConv * sConvT * sLinear;
        Tolerance.AtMost(bound.Bound, product, abs: 0, what: "product of the dense σ");
        Tolerance.AtMost(product * 1.01 * 1.01, bound.Bound, abs: 0, what: "within the power-iteration slack");
        Assert.InRange(bound.Delta, 0, 2e-6);
        // The true constant is at least every gradient norm.
        var rng = new Rng(4);
        for (int t = 0; t < 20; t++)
        {
            var x = Tensor.Normal<double>(rng, 0, 1, shape).RequireGrad();
            double g = Math.Sqrt(Autograd.Grad(Tensor.Sum(net.Forward(x)), x).ToArray().Sum(v => v * v));
            Tolerance.AtMost(bound.Bound, g, abs: 0, what: "gradient norm");
        }
    }

    [Fact]
    public void NormalisationLayersHaveTheirClosedForms()
    {
        var bn = new BatchNorm2d<double>(3);
        bn.Forward(Tensor.Normal<double>(new Rng(1), 0, 2, 4, 3, 2, 2));
        new[] { 0.5, -3.0, 1.0 }.CopyTo(bn.Weight!.Span);
        Assert.Equal(double.PositiveInfinity, LipschitzBound.Of(bn, [1, 3, 2, 2]).Bound);
        bn.Eval();
        double expected = Enumerable.Range(0, 3).Max(c => Math.Abs(bn.Weight[c]) / Math.Sqrt(bn.RunningVar[c] + 1e-5));
        Assert.Equal(expected, LipschitzBound.Of(bn, [1, 3, 2, 2]).Bound);
        Assert.False(bn.Training);

        // LayerNorm: max|γ|/√ε, and every gradient norm of ⟨r, LN(x)⟩ with ‖r‖ = 1 stays below it, even at nearly constant x.
        var ln = new LayerNorm<double>([6], eps: 1e-3);
        new[] { 1.0, -2.0, 0.5, 1.0, 1.0, 1.0 }.CopyTo(ln.Weight!.Span);
        double lnBound = LipschitzBound.Of(ln, [1, 6]).Bound;
        Tolerance.Close(2 / Math.Sqrt(1e-3), lnBound, 1e-15);
        var rng = new Rng(2);
        for (int t = 0; t < 50; t++)
        {
            var x = Tensor.Normal<double>(rng, 1, t % 2 == 0 ? 1e-3 : 1, 1, 6).RequireGrad();
            var r = Tensor.Normal<double>(rng, 0, 1, 1, 6);
            r = r / Math.Sqrt(r.ToArray().Sum(v => v * v));
            double g = Math.Sqrt(Autograd.Grad(Tensor.Sum(ln.Forward(x) * r), x).ToArray().Sum(v => v * v));
            Tolerance.AtMost(lnBound, g, abs: 0);
        }
    }

    [Fact]
    public void MlpCriticsUseTheCertifiedMatrixBoundAndUnknownLayersAreNamed()
    {
        var critic = new MlpCritic<double>(CriticArchitecture.Mlp(3, 5, 2, Activation.Sigmoid), new Rng(1));
        double expected = 0.25 * 0.25;
        foreach (var w in critic.EffectiveWeights()) expected *= SpectralNorm.UpperBound(w.ToArray(), w.Rows, w.Cols);
        Assert.Equal(new Lipschitz(expected, 0), LipschitzBound.OfCritic(critic));
        var e = Assert.Throws<ArgumentException>(() => LipschitzBound.Of(new Sequential<double>(new Odd()), [1, 2]));
        Assert.Contains("Odd", e.Message);
    }

    private sealed class Odd : Module<double>
    {
        public override Tensor<double> Forward(Tensor<double> input) => input;
    }
}
