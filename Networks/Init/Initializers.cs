using System.Numerics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Init;

/// <summary>
/// Parameter initialisers (PyTorch's conventions: fan_in = size(1) · the product of the remaining dimensions, i.e. the
/// input features of a Linear weight [out, in], C·kH·kW of a Conv2d weight [O, C, kH, kW], and Cout·kH·kW of a
/// ConvTranspose2d weight [Cin, Cout, kH, kW]).
/// </summary>
public static class Initializers
{
    /// <summary>
    /// Kaiming-uniform with negative slope a: U(±bound) with bound = gain·√(3/fan_in), gain = √(2/(1 + a²)).
    /// With PyTorch's nn.Linear default a = √5 this is U(±1/√fan_in).
    /// </summary>
    public static void KaimingUniform<T>(Tensor<T> weight, Rng rng, double a = 2.23606797749979) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int fanIn = FanIn(weight);
        double gain = Math.Sqrt(2.0 / (1 + a * a));
        double bound = gain * Math.Sqrt(3.0 / fanIn);
        rng.FillUniform(weight.Span, -bound, bound);
    }

    /// <summary>U(lo, hi) in place.</summary>
    public static void Uniform<T>(Tensor<T> t, Rng rng, double lo, double hi) where T : unmanaged, IFloatingPointIeee754<T>
        => rng.FillUniform(t.Span, lo, hi);

    /// <summary>
    /// PyTorch's bias initialisation for Linear, Conv2d and ConvTranspose2d: U(±1/√fan_in) with the fan-in of the layer's
    /// <paramref name="weight"/>.
    /// </summary>
    public static void BiasUniform<T>(Tensor<T> bias, Tensor<T> weight, Rng rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double bound = 1.0 / Math.Sqrt(FanIn(weight));
        rng.FillUniform(bias.Span, -bound, bound);
    }

    /// <summary>The fan-in of a weight: the columns of its 2-D view, size(1)·size(2)·… (a vector counts its length).</summary>
    public static int FanIn<T>(Tensor<T> weight) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (weight.Rank == 0 || weight.Cols == 0) throw new ArgumentException($"fan_in is undefined for shape [{string.Join(", ", weight.Shape)}]", nameof(weight));
        return weight.Cols;
    }
}
