using System.Numerics;
using Verify.Networks.Init;
using Verify.Networks.Tensors;

namespace Verify.Networks.Layers;

/// <summary>
/// PyTorch's nn.Conv2d (dilation 1, groups 1): x [N, C, H, W] → [N, O, OH, OW], weight [O, C, k, k], bias [O]; computed as one
/// GEMM per batch over the windows of <see cref="Tensor.Im2Col{T}"/>. Default initialisation as PyTorch: weight ~
/// Kaiming-uniform with a = √5, i.e. U(±1/√fan_in) with fan_in = C·k·k, bias ~ U(±1/√fan_in), drawn in that order.
/// </summary>
public sealed class Conv2d<T> : Module<T>, IWeightedLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A convolution with a square kernel, stride and padding, initialised from <paramref name="rng"/>.</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, Rng rng, int stride = 1, int padding = 0, bool bias = true)
    {
        ConvArguments.Check(rng, inChannels, outChannels, kernelSize, stride, padding);
        (InChannels, OutChannels, KernelSize, Stride, Padding) = (inChannels, outChannels, kernelSize, stride, padding);
        Weight = RegisterParameter("weight", Tensor.Zeros<T>(outChannels, inChannels, kernelSize, kernelSize));
        Initializers.KaimingUniform(Weight, rng);
        if (bias)
        {
            Bias = RegisterParameter("bias", Tensor.Zeros<T>(outChannels));
            Initializers.BiasUniform(Bias, Weight, rng);
        }
    }

    public int InChannels { get; }
    public int OutChannels { get; }
    public int KernelSize { get; }
    public int Stride { get; }
    public int Padding { get; }

    /// <summary>The weight, shape [O, C, k, k].</summary>
    public Tensor<T> Weight { get; }

    /// <summary>The bias, shape [O], or null.</summary>
    public Tensor<T>? Bias { get; }

    /// <summary>The geometry of this layer on images of <paramref name="height"/>×<paramref name="width"/>.</summary>
    public Conv2dGeometry Geometry(int height, int width) => Conv2dGeometry.Square(InChannels, height, width, KernelSize, Stride, Padding);

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input) => Forward(input, Weight);

    /// <inheritdoc/>
    public Tensor<T> Forward(Tensor<T> input, Tensor<T> weight) => Tensor.Conv2d(input, weight, Bias, Stride, Padding);

    /// <inheritdoc/>
    public int OutputDim => 0;
}

/// <summary>The argument checks Conv2d and ConvTranspose2d share (one clear line naming the bad parameter).</summary>
internal static class ConvArguments
{
    /// <summary>rng given; channel counts, kernel size and stride ≥ 1; padding ≥ 0.</summary>
    public static void Check(Rng rng, int inChannels, int outChannels, int kernelSize, int stride, int padding)
    {
        ArgumentNullException.ThrowIfNull(rng);
        AtLeastOne(inChannels, nameof(inChannels));
        AtLeastOne(outChannels, nameof(outChannels));
        AtLeastOne(kernelSize, nameof(kernelSize));
        AtLeastOne(stride, nameof(stride));
        if (padding < 0) throw new ArgumentException($"padding must be ≥ 0, got {padding}", nameof(padding));
    }

    private static void AtLeastOne(int v, string name)
    {
        if (v < 1) throw new ArgumentException($"{name} must be at least 1, got {v}", name);
    }
}
