using System.Numerics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;

namespace Verify.Networks.Critics;

/// <summary>
/// An MLP critic f: ℝᵈ → ℝ, the nn.Sequential(Linear, act, …, Linear) of a <see cref="CriticArchitecture"/>, with
/// PyTorch's default initialisation and parameter names ("0.weight", "0.bias", "2.weight", …).
/// </summary>
public sealed class MlpCritic<T> : ICritic<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Sequential<T> net;
    private readonly Linear<T>[] linears;

    /// <summary>A freshly initialised critic of the given architecture (draws from <paramref name="rng"/>).</summary>
    public MlpCritic(CriticArchitecture architecture, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        if (architecture.Sizes[^1] != 1)
            throw new ArgumentException($"a critic outputs one value; the architecture {architecture} ends in {architecture.Sizes[^1]}", nameof(architecture));
        Architecture = architecture;
        net = Layers.Mlp.Build<T>(architecture.Sizes, architecture.Activation, rng, Activation.None, architecture.NegativeSlope);
        linears = net.Layers.OfType<Linear<T>>().ToArray();
        foreach (var (name, p) in net.NamedParameters()) p.Name = name;
    }

    /// <summary>The declared architecture.</summary>
    public CriticArchitecture Architecture { get; }

    /// <summary>The Linear layers in order.</summary>
    public IReadOnlyList<Linear<T>> Linears => linears;

    /// <inheritdoc/>
    public int InputDimension => Architecture.Sizes[0];

    /// <inheritdoc/>
    public double ActivationLipschitz => Architecture.ActivationLipschitz;

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

    /// <inheritdoc/>
    public IReadOnlyList<Tensor<T>> EffectiveWeights() => linears.Select(l => l.Weight).ToArray();

    /// <inheritdoc/>
    public IReadOnlyList<(string Name, Tensor<T> Value)> ExportParameters() => net.NamedParameters().ToArray();
}
