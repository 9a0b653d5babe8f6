using Verify.Networks.Autodiff;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Xunit;

namespace Verify.Networks.Tests.Tensors;

/// <summary>
/// Buffer reuse after graph-free backward passes: a gradient handed out (a leaf's .Grad, a requested gradient) must keep
/// its values however many later passes recycle buffers; and buffers do get recycled.
/// </summary>
public sealed class TensorPoolTests
{
    private static (Sequential<double> Net, Tensor<double> X) Setup(ulong seed)
    {
        var rng = new Rng(seed);
        return (Mlp.Build<double>([8, 96, 96, 1], Activation.Tanh, rng), Tensor.Normal<double>(rng, 0, 1, 64, 8)); // 64×96 ≥ 4096: pooled
    }

    [Fact]
    public void HandedOutGradientsSurviveLaterPasses()
    {
        var (net, x) = Setup(1);
        Tensor.Sum(net.Forward(x)).Backward();
        var saved = net.Parameters().Select(p => p.Grad!).ToArray();
        var copies = saved.Select(g => g.ToArray()).ToArray();
        var xg = x.Detach().RequireGrad();
        var requested = Autograd.Grad(Tensor.Sum(Tensor.Square(net.Forward(xg))), xg);
        var requestedCopy = requested.ToArray();
        for (int pass = 0; pass < 5; pass++)
        {
            net.ZeroGrad();
            Tensor.Sum(Tensor.Exp(net.Forward(x * (pass + 2.0)))).Backward();
            Autograd.Grad(Tensor.Sum(net.Forward(xg)), xg);
        }
        for (int i = 0; i < saved.Length; i++) Assert.Equal(copies[i], saved[i].ToArray());
        Assert.Equal(requestedCopy, requested.ToArray());
    }

    [Fact]
    public void PassesRecycleTheirBuffers()
    {
        var (net, x) = Setup(2);
        Tensor.Sum(net.Forward(x)).Backward();
        // The backward pass dropped 64×96 gradient buffers; the next allocation of that size reuses one of them.
        var z = Tensor.Zeros<double>(64, 96);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var t = Tensor.Relu(z);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 64 * 96 * 8, $"expected a recycled buffer, but {allocated} bytes were allocated");
        Assert.Equal(new[] { 64, 96 }, t.Shape);
    }

    [Fact]
    public void CreateGraphPassesRecycleNothingTheGraphUses()
    {
        var (net, x) = Setup(3);
        var xg = x.Detach().RequireGrad();
        var g = Autograd.Grad(Tensor.Sum(net.Forward(xg)), xg, createGraph: true);
        var s = Tensor.Sum(Tensor.Square(g));
        double value = s.Item();
        var w = net.Parameters().First();
        var first = Autograd.Grad(s, w).ToArray();
        for (int pass = 0; pass < 3; pass++) Tensor.Sum(Tensor.Exp(net.Forward(x))).Backward();
        Assert.Equal(value, Tensor.Sum(Tensor.Square(g)).Item());
        Assert.Equal(first, Autograd.Grad(s, w).ToArray());
    }

    [Fact]
    public void UnrecordedConvolutionsHandBackTheirTemporariesOnly()
    {
        // Under NoGrad a convolution returns its Im2Col matrix and GEMM output to the pool; outputs a caller holds keep their
        // values however many later convolutions reuse those buffers.
        var rng = new Rng(3);
        var x = Tensor.Normal<double>(rng, 0, 1, 4, 8, 10, 10);
        var w = Tensor.Normal<double>(rng, 0, 0.1, 16, 8, 4, 4);
        var wt = Tensor.Normal<double>(rng, 0, 0.1, 8, 16, 4, 4);
        var b = Tensor.Normal<double>(rng, 0, 0.1, 16);
        Tensor<double> first, firstT;
        using (Autograd.NoGrad())
        {
            first = Tensor.Conv2d(x, w, b, 2, 1);
            firstT = Tensor.ConvTranspose2d(x, wt, b, 2, 1);
        }
        var copy = first.ToArray();
        var copyT = firstT.ToArray();
        using (Autograd.NoGrad())
            for (int i = 0; i < 4; i++)
            {
                Tensor.Conv2d(x * (i + 2.0), w, b, 2, 1);
                Tensor.ConvTranspose2d(x * (i + 2.0), wt, b, 2, 1);
            }
        Assert.Equal(copy, first.ToArray());
        Assert.Equal(copyT, firstT.ToArray());
        Assert.Equal(copy, Tensor.Conv2d(x, w, b, 2, 1).ToArray()); // recorded or not, the same values
    }

    [Fact]
    public void ConvolutionTemporariesInsideLoggedPassesAreRecycledOnce()
    {
        // Inside a graph-free backward pass the convolutions hand their Im2Col matrices back as they go (taken off the
        // pass's log, so never recycled twice): every gradient handed out keeps its values over later passes and
        // convolutions, and the same pass repeated gives the same bits.
        var rng = new Rng(5);
        var conv = new Conv2d<double>(4, 8, 4, rng, stride: 2, padding: 1);
        var convT = new ConvTranspose2d<double>(8, 4, 4, rng, stride: 2, padding: 1);
        var x = Tensor.Normal<double>(rng, 0, 1, 6, 4, 12, 12);
        double[][] Pass(double scale)
        {
            var xg = (x * scale).Detach().RequireGrad();
            conv.ZeroGrad();
            convT.ZeroGrad();
            Tensor.Sum(Tensor.Square(convT.Forward(Tensor.LeakyRelu(conv.Forward(xg), 0.2)))).Backward();
            return [.. conv.Parameters().Concat(convT.Parameters()).Select(p => p.Grad!.ToArray()), xg.Grad!.ToArray()];
        }
        var first = Pass(1);
        var held = conv.Parameters().Concat(convT.Parameters()).Select(p => p.Grad!).ToArray();
        for (int i = 0; i < 3; i++)
        {
            Pass(i + 2);
            using (Autograd.NoGrad()) conv.Forward(x * (i + 5.0));
        }
        for (int i = 0; i < held.Length; i++) Assert.Equal(first[i], held[i].ToArray());
        var again = Pass(1);
        for (int i = 0; i < first.Length; i++) Assert.Equal(first[i], again[i]);
    }
}
