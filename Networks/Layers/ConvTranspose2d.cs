using System.Numerics;
using Verify.Networks.Init;
using Verify.Networks.Tensors;

namespace Verify.Networks.Layers;

/// <summary>
/// PyTorch's nn.ConvTranspose2d (dilation 1, groups 1): x [N, Cin, H, W] → [N, Cout, OH, OW] with
/// OH = (H − 1)·stride − 2·padding + k + outputPadding; weight [Cin, Cout, k, k], bias [Cout]. Computed as one GEMM per batch
/// followed by <see cref="Tensor.Col2Im{T}"/>. Default initialisation as PyTorch: U(±1/√fan_in) for weight and bias with
/// fan_in = Cout·k·k (PyTorch reads the fan-in of a transposed convolution's weight from its second dimension).
/// </summary>
public sealed class ConvTranspose2d<T> : Module<T>, IWeightedLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A transposed convolution with a square kernel, stride and padding, initialised from <paramref name="rng"/>.</summary>
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, Rng rng, int stride = 1, int padding = 0, int outputPadding = 0, bool bias = true)
    {
        ConvArguments.Check(rng, inChannels, outChannels, kernelSize, stride, padding);
        if (outputPadding < 0 || outputPadding >= stride)
            throw new ArgumentException($"outputPadding must lie in 0 … stride − 1 = {stride - 1}, got {outputPadding}", nameof(outputPadding));
        (InChannels, OutChannels, KernelSize, Stride, Padding, OutputPadding) = (inChannels, outChannels, kernelSize, stride, padding, outputPadding);
        Weight = RegisterParameter("weight", Tensor.Zeros<T>(inChannels, outChannels, kernelSize, kernelSize));
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
    public int OutputPadding { get; }

    /// <summary>The weight, shape [Cin, Cout, k, k].</summary>
    public Tensor<T> Weight { get; }

    /// <summary>The bias, shape [Cout], or null.</summary>
    public Tensor<T>? Bias { get; }

    /// <summary>
    /// The geometry of the convolution this layer transposes, for inputs of <paramref name="height"/>×<paramref name="width"/>:
    /// images of the output size, with <see cref="Conv2dGeometry.OutH"/>×<see cref="Conv2dGeometry.OutW"/> = the input size.
    /// </summary>
    public Conv2dGeometry Geometry(int height, int width) => Conv2dGeometry.Square(OutChannels,
        (height - 1) * Stride - 2 * Padding + KernelSize + OutputPadding, (width - 1) * Stride - 2 * Padding + KernelSize + OutputPadding, KernelSize, Stride, Padding);

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input) => Forward(input, Weight);

    /// <inheritdoc/>
    public Tensor<T> Forward(Tensor<T> input, Tensor<T> weight) => Tensor.ConvTranspose2d(input, weight, Bias, Stride, Padding, OutputPadding);

    /// <inheritdoc/>
    public int OutputDim => 1;
}
