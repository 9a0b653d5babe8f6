using Verify.Networks.Autodiff;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.TestSupport;

namespace Verify.Networks.Tests.Layers;

/// <summary>The inputs of torch_reference.py, rebuilt exactly: Grid(n, a, b, d)[i] = (((a·i + b) mod 23) − 11)/d.</summary>
public static class TorchGrid
{
    public static Tensor<double> Of(int[] shape, int a, int b, double d)
    {
        int n = shape.Aggregate(1, (x, y) => x * y);
        return Tensor.From(Enumerable.Range(0, n).Select(i => (((a * i + b) % 23) - 11) / d).ToArray(), shape);
    }

    /// <summary>The reference scripts' loss Σ y ⊙ R with R = Grid(len(y), 29, 5, 16).</summary>
    public static Tensor<double> Loss(Tensor<double> y) => Tensor.Sum(Tensor.Mul(y, Of([.. y.Shape], 29, 5, 16)));

    /// <summary>Copies the values of <paramref name="source"/> into a parameter.</summary>
    public static void Set(Tensor<double> parameter, Tensor<double> source) => source.Span.CopyTo(parameter.Span);

    /// <summary>Asserts a tensor equals a reference to 1e-13 relative (PyTorch and the engine sum in different orders).</summary>
    public static void Close(double[] expected, Tensor<double>? actual, string what) =>
        Tolerance.Close(expected, actual!.ToArray(), 1e-13, 1e-14, what);

    /// <summary>Backward of the reference loss; returns the gradients of <paramref name="inputs"/>.</summary>
    public static Tensor<double>[] Grads(Tensor<double> y, params Tensor<double>[] inputs) => Autograd.Grad(Loss(y), inputs);

    /// <summary>Module parameters by name.</summary>
    public static Tensor<double> Param(IModule<double> m, string name) => m.NamedParameters().Single(p => p.Name == name).Parameter;
}
