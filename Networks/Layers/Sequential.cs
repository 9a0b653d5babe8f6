using System.Numerics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Layers;

/// <summary>Modules applied in order (nn.Sequential); children are named "0", "1", … so parameters read "0.weight", "2.bias", ….</summary>
public sealed class Sequential<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<IModule<T>> layers = [];

    /// <summary>A sequence of the given modules.</summary>
    public Sequential(params IModule<T>[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var m in modules) Add(m);
    }

    /// <summary>Appends a module (named by its position).</summary>
    public Sequential<T> Add(IModule<T> module)
    {
        RegisterModule(layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);
        layers.Add(module);
        return this;
    }

    /// <summary>The layers in order.</summary>
    public IReadOnlyList<IModule<T>> Layers => layers;

    /// <summary>Number of layers.</summary>
    public int Count => layers.Count;

    /// <summary>Layer i.</summary>
    public IModule<T> this[int i] => layers[i];

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input)
    {
        var x = input;
        foreach (var layer in layers) x = layer.Forward(x);
        return x;
    }
}
