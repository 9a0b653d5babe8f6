using Verify.Networks.Autodiff;
using Verify.Networks.Init;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Tensors;

/// <summary>
/// Conv2d and ConvTranspose2d are single recorded ops (their Im2Col matrices are pooled temporaries) whose backward rules
/// are written with each other and the weight product. The straightforward route records every step instead: Im2Col,
/// Linear on the rows, a permute to NCHW (Conv2d); the pixels permuted to rows, MatMul, Col2Im, a bias Add
/// (ConvTranspose2d). Both routes form every value as the same sums in the same order, so the floats must agree bit for
/// bit: outputs, first-order gradients of input, weight and bias, and the double backward of a gradient penalty.
/// </summary>
public sealed class TensorConvRoutesTests
{
    private static Tensor<float> ConvByParts(Tensor<float> x, Tensor<float> w, Tensor<float> b, Conv2dGeometry g)
    {
        int n = x.Shape[0], o = w.Shape[0];
        var rows = Tensor.Linear(Tensor.Im2Col(x, g), Tensor.Reshape(w, o, g.PatchSize), b);
        return Tensor.Reshape(Tensor.Permute(Tensor.Reshape(rows, n, g.Windows, o), 0, 2, 1), n, o, g.OutH, g.OutW);
    }

    private static Tensor<float> ConvTransposeByParts(Tensor<float> x, Tensor<float> w, Tensor<float> b, Conv2dGeometry g)
    {
        int n = x.Shape[0], cin = x.Shape[1], hw = x.Shape[2] * x.Shape[3];
        var pixels = Tensor.Reshape(Tensor.Permute(Tensor.Reshape(x, n, cin, hw), 0, 2, 1), n * hw, cin);
        var y = Tensor.Col2Im(Tensor.MatMul(pixels, Tensor.Reshape(w, cin, g.PatchSize)), g, n);
        return Tensor.Add(y, Tensor.Reshape(b, 1, g.Channels, 1, 1));
    }

    /// <summary>
    /// Output, ∂x, ∂W, ∂b of f = Σ leaky(y)·u + ½·Σ y² (y = layer(x)), then ∂W, ∂b, ∂x of the penalty ‖∂f/∂x‖² through
    /// the graph of the first gradients (the y² term makes it depend on all three).
    /// </summary>
    private static float[][] Run(Func<Tensor<float>, Tensor<float>, Tensor<float>, Tensor<float>> layer, Tensor<float> x0, Tensor<float> w0, Tensor<float> b0, Tensor<float> u)
    {
        var (x, w, b) = (x0.Detach().RequireGrad(), w0.Detach().RequireGrad(), b0.Detach().RequireGrad());
        var y = layer(x, w, b);
        var f = Tensor.Sum(Tensor.LeakyRelu(y, 0.2f) * u) + 0.5f * Tensor.Sum(Tensor.Square(y));
        var first = Autograd.Grad(f, [x, w, b], createGraph: true);
        var penalty = Tensor.Sum(Tensor.Square(first[0]));
        var second = Autograd.Grad(penalty, [w, b, x]);
        return [y.ToArray(), first[0].ToArray(), first[1].ToArray(), first[2].ToArray(), second[0].ToArray(), second[1].ToArray(), second[2].ToArray()];
    }

    public static TheoryData<int, int, int, int, int, int, int> Shapes => new()
    {
        // batch, in channels, out channels, size, kernel, stride, padding
        { 4, 64, 128, 14, 4, 2, 1 }, // the DCGAN critic's second layer
        { 4, 1, 64, 28, 4, 2, 1 },   // its first (a narrow weight gradient)
        { 3, 3, 5, 9, 3, 1, 1 },
        { 2, 2, 3, 7, 3, 3, 0 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Conv2dIsBitIdenticalToTheRecordedParts(int n, int c, int o, int size, int k, int s, int p)
    {
        var rng = new Rng(11);
        var g = Conv2dGeometry.Square(c, size, size, k, s, p);
        var x = Tensor.Uniform<float>(rng, -1, 1, n, c, size, size);
        var w = Tensor.Uniform<float>(rng, -0.1, 0.1, o, c, k, k);
        var b = Tensor.Uniform<float>(rng, -0.1, 0.1, o);
        var u = Tensor.Uniform<float>(rng, -1, 1, n, o, g.OutH, g.OutW);
        var fused = Run((xi, wi, bi) => Tensor.Conv2d(xi, wi, bi, s, p), x, w, b, u);
        var parts = Run((xi, wi, bi) => ConvByParts(xi, wi, bi, g), x, w, b, u);
        string[] what = ["y", "∂x", "∂W", "∂b", "∂penalty/∂W", "∂penalty/∂b", "∂penalty/∂x"];
        for (int i = 0; i < fused.Length; i++)
        {
            if (what[i].EndsWith("∂b", StringComparison.Ordinal))
            {
                // The bias gradient sums g over n, h, w plane by plane (SumTo), the route by parts over the rows of g' (Linear's
                // rule): the same N·OH·OW float terms in another order, so they agree to float rounding of that sum, not bit for bit.
                for (int j = 0; j < fused[i].Length; j++) Tolerance.Close(parts[i][j], fused[i][j], 1e-5, 1e-6 * n * g.Windows, $"{what[i]}[{j}]");
                continue;
            }
            Assert.True(parts[i].AsSpan().SequenceEqual(fused[i]), $"{what[i]} differs from the route by parts");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ConvTranspose2dIsBitIdenticalToTheRecordedParts(int n, int cout, int cin, int size, int k, int s, int p)
    {
        // The transposed layer maps cin channels of the conv's windows back to cout channels of size×size images.
        var rng = new Rng(12);
        var g = Conv2dGeometry.Square(cout, size, size, k, s, p);
        if ((g.OutH - 1) * s - 2 * p + k != size) return; // not expressible without an output padding; covered elsewhere
        var x = Tensor.Uniform<float>(rng, -1, 1, n, cin, g.OutH, g.OutW);
        var w = Tensor.Uniform<float>(rng, -0.1, 0.1, cin, cout, k, k);
        var b = Tensor.Uniform<float>(rng, -0.1, 0.1, cout);
        var u = Tensor.Uniform<float>(rng, -1, 1, n, cout, size, size);
        var fused = Run((xi, wi, bi) => Tensor.ConvTranspose2d(xi, wi, bi, s, p), x, w, b, u);
        var parts = Run((xi, wi, bi) => ConvTransposeByParts(xi, wi, bi, g), x, w, b, u);
        string[] what = ["y", "∂x", "∂W", "∂b", "∂penalty/∂W", "∂penalty/∂b", "∂penalty/∂x"];
        for (int i = 0; i < fused.Length; i++) Assert.True(parts[i].AsSpan().SequenceEqual(fused[i]), $"{what[i]} differs from the route by parts");
    }
}
