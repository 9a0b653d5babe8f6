using System.Numerics;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;

namespace Verify.Networks.Architectures;

/// <summary>
/// A model that is one <see cref="Sequential{T}"/> (its <see cref="Body"/>) between two reshapes, with the body's
/// parameter, buffer and module names unprefixed ("0.weight", "1.running_mean", …), so a state dict matches PyTorch's
/// nn.Sequential of the same layers.
/// </summary>
public abstract class SequentialModel<T> : IModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected SequentialModel(Sequential<T> body)
    {
        Body = body;
        foreach (var (name, p) in body.NamedParameters()) p.Name = name;
    }

    /// <summary>The layers, in order.</summary>
    public Sequential<T> Body { get; }

    /// <inheritdoc/>
    public abstract Tensor<T> Forward(Tensor<T> input);

    /// <inheritdoc/>
    public IEnumerable<Tensor<T>> Parameters() => Body.Parameters();

    /// <inheritdoc/>
    public IEnumerable<(string Name, Tensor<T> Parameter)> NamedParameters() => Body.NamedParameters();

    /// <inheritdoc/>
    public IEnumerable<(string Name, Tensor<T> Buffer)> NamedBuffers() => Body.NamedBuffers();

    /// <inheritdoc/>
    public IEnumerable<(string Name, IModule<T> Module)> NamedChildren() => Body.NamedChildren();

    /// <summary>Parameters and buffers together under their names: PyTorch's state_dict() (parameters first, per layer).</summary>
    public IEnumerable<(string Name, Tensor<T> Value)> StateDict() => NamedParameters().Concat(NamedBuffers()).OrderBy(e => LayerIndex(e.Name));

    private static int LayerIndex(string name) => int.Parse(name.AsSpan(0, name.IndexOf('.')), System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public void ZeroGrad() => Body.ZeroGrad();

    /// <inheritdoc/>
    public bool Training => Body.Training;

    /// <inheritdoc/>
    public void Train(bool mode = true) => Body.Train(mode);

    /// <summary>Evaluation mode: the same as <c>Train(false)</c>.</summary>
    public void Eval() => Body.Train(false);
}
