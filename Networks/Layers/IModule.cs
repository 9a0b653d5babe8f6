using System.Numerics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Layers;

/// <summary>
/// A network component (PyTorch's nn.Module seam): <see cref="Forward"/>, and its trainable tensors listed explicitly
/// (never found by reflection) under PyTorch's names ("0.weight", "0.bias", "2.weight", … inside a Sequential).
/// Like PyTorch a module is in training mode until <see cref="Eval"/>: modes matter to BatchNorm (batch statistics and
/// running averages vs the stored averages) and to spectral normalisation (a power-iteration step per forward pass vs
/// the stored u, v). Another backend (e.g. TorchSharp on a GPU) can implement this same interface.
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

    /// <summary>True in training mode (the initial mode), false in evaluation mode.</summary>
    bool Training { get; }

    /// <summary>Sets training mode (<paramref name="mode"/> true) or evaluation mode on this module and every sub-module (PyTorch's train()).</summary>
    void Train(bool mode = true);

    /// <summary>Evaluation mode (PyTorch's eval()): the same as <c>Train(false)</c>.</summary>
    void Eval() => Train(false);

    /// <summary>
    /// State that is not trained but belongs to the module (PyTorch's buffers: BatchNorm's running_mean, running_var and
    /// num_batches_tracked; spectral norm's weight_u, weight_v), with dotted names. None by default.
    /// </summary>
    IEnumerable<(string Name, Tensor<T> Buffer)> NamedBuffers() => [];

    /// <summary>The direct sub-modules with their names (for walking a network, e.g. to find its BatchNorm layers). None by default.</summary>
    IEnumerable<(string Name, IModule<T> Module)> NamedChildren() => [];
}
