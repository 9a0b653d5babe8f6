using System.Numerics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Layers;

/// <summary>
/// A layer whose map is linear in one weight tensor (Linear, Conv2d, ConvTranspose2d), so a wrapper can apply it with
/// another weight — spectral normalisation's W/σ(W) (<see cref="SpectralNormalized{T}"/>).
/// </summary>
public interface IWeightedLayer<T> : IModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The trainable weight, registered under the name "weight".</summary>
    Tensor<T> Weight { get; }

    /// <summary>The layer's map with <paramref name="weight"/> (same shape as <see cref="Weight"/>) in place of its own.</summary>
    Tensor<T> Forward(Tensor<T> input, Tensor<T> weight);

    /// <summary>
    /// The weight's output dimension, which spectral normalisation keeps as the rows of the weight matrix (PyTorch's
    /// spectral_norm dim: 0 for Linear and Conv2d, 1 for ConvTranspose2d, whose weight is [in, out, kH, kW]).
    /// </summary>
    int OutputDim { get; }
}
