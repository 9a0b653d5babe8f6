using System.Numerics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Layers;

/// <summary>
/// A network component (PyTorch's nn.Module seam): <see cref="Forward"/>, and its trainable tensors listed explicitly
/// (never found by reflection) under PyTorch's names ("0.weight", "0.bias", "2.weight", … inside a Sequential).
/// Another backend (e.g. TorchSharp on a GPU) can implement this same interface.
/// </summary>
public interface IModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Applies the module to a batch (rows are samples).</summary>
    Tensor<T> Forward(Tensor<T> input);

    /// <summary>The trainable tensors, in registration order.</summary>
    IEnumerable<Tensor<T>> Parameters();

    /// <summary>The trainable tensors with their dotted PyTorch names, in registration order.</summary>
    IEnumerable<(string Name, Tensor<T> Parameter)> NamedParameters();

    /// <summary>Clears the gradient of every parameter.</summary>
    void ZeroGrad();
}
