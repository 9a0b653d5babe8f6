using System.Numerics;
using Verify.Networks.Init;

namespace Verify.Networks.Layers;

/// <summary>Builder of multilayer perceptrons as <see cref="Sequential{T}"/> of Linear and activation layers.</summary>
public static class Mlp
{
    /// <summary>
    /// Linear(sizes[0]→sizes[1]), activation, …, Linear(sizes[^2]→sizes[^1]), then <paramref name="output"/> if not None.
    /// Layers are initialised from <paramref name="rng"/> in order (PyTorch's defaults); parameter names are those of the
    /// equivalent nn.Sequential ("0.weight", "0.bias", "2.weight", …).
    /// </summary>
    /// <param name="sizes">Layer widths, input first; at least two.</param>
    /// <param name="hidden">Activation after each hidden Linear.</param>
    /// <param name="rng">Initialisation randomness.</param>
    /// <param name="output">Activation after the last Linear (default none).</param>
    /// <param name="negativeSlope">Slope of LeakyReLU activations.</param>
    public static Sequential<T> Build<T>(IReadOnlyList<int> sizes, Activation hidden, Rng rng, Activation output = Activation.None, double negativeSlope = 0.2)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(rng);
        if (sizes.Count < 2) throw new ArgumentException($"an MLP needs at least an input and an output size, got {sizes.Count} sizes", nameof(sizes));
        var net = new Sequential<T>();
        for (int i = 0; i + 1 < sizes.Count; i++)
        {
            net.Add(new Linear<T>(sizes[i], sizes[i + 1], rng));
            var act = i + 2 < sizes.Count ? hidden : output;
            if (act != Activation.None) net.Add(Make<T>(act, negativeSlope));
        }
        return net;
    }

    /// <summary>The module for an activation.</summary>
    public static IModule<T> Make<T>(Activation activation, double negativeSlope = 0.2) where T : unmanaged, IFloatingPointIeee754<T>
        => activation switch
        {
            Activation.ReLU => new ReLU<T>(),
            Activation.LeakyReLU => new LeakyReLU<T>(negativeSlope),
            Activation.Tanh => new Tanh<T>(),
            Activation.Sigmoid => new Sigmoid<T>(),
            _ => throw new ArgumentException($"no module for activation {activation}", nameof(activation)),
        };
}
