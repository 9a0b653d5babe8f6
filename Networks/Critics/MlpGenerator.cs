using System.Numerics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;

namespace Verify.Networks.Critics;

/// <summary>
/// An MLP generator G: ℝᵏ → ℝᵈ: Linear(k→H), act, …, Linear(H→d), then <see cref="OutputActivation"/>
/// (none for the toy sets, as in the WGAN-GP reference code; tanh for images). PyTorch names and initialisation.
/// </summary>
public sealed class MlpGenerator<T> : IGenerator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Sequential<T> net;

    /// <summary>A generator with layer widths <paramref name="sizes"/> (noise dimension first, sample dimension last).</summary>
    public MlpGenerator(IReadOnlyList<int> sizes, Activation hidden, Rng rng, Activation output = Activation.None, double negativeSlope = 0.2)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        net = Layers.Mlp.Build<T>(sizes, hidden, rng, output, negativeSlope);
        foreach (var (name, p) in net.NamedParameters()) p.Name = name;
        NoiseDimension = sizes[0];
        OutputDimension = sizes[^1];
        OutputActivation = output;
    }

    /// <inheritdoc/>
    public int NoiseDimension { get; }

    /// <inheritdoc/>
    public int OutputDimension { get; }

    /// <summary>The activation after the last Linear layer.</summary>
    public Activation OutputActivation { get; }

    /// <summary>n rows of N(0, I) noise from <paramref name="rng"/>.</summary>
    public Tensor<T> Noise(Rng rng, int n) => Tensor.Normal<T>(rng, 0, 1, n, NoiseDimension);

    /// <inheritdoc/>
    public Tensor<T> Forward(Tensor<T> input) => net.Forward(input);

    /// <inheritdoc/>
    public IEnumerable<Tensor<T>> Parameters() => net.Parameters();

    /// <inheritdoc/>
    public IEnumerable<(string Name, Tensor<T> Parameter)> NamedParameters() => net.NamedParameters();

    /// <inheritdoc/>
    public void ZeroGrad() => net.ZeroGrad();

    /// <inheritdoc/>
    public bool Training => net.Training;

    /// <inheritdoc/>
    public void Train(bool mode = true) => net.Train(mode);

    /// <inheritdoc/>
    public IEnumerable<(string Name, IModule<T> Module)> NamedChildren() => net.NamedChildren();
}
