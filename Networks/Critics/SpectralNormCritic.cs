using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;

namespace Verify.Networks.Critics;

/// <summary>
/// An MLP critic whose every Linear layer is spectrally normalised (Miyato et al. 2018) by its own per-layer wrapper
/// <see cref="SpectralNormalized{T}"/>: W is applied as W/σ̂(W), σ̂ = uᵀWv from power iteration — in training mode
/// <see cref="PowerIterations"/> steps per forward pass, u kept between passes; u and v are constants for autodiff, so the
/// gradient flows through σ̂ as in the paper. In evaluation mode (<see cref="IModule{T}.Eval"/>) the stored u, v are used
/// unchanged. With 1-Lipschitz activations the critic's Lipschitz constant is at most ∏ σ(W/σ̂) ≈ 1.
/// The trainable parameters are the raw W and b under the plain MLP's names ("0.weight", "0.bias", …; PyTorch's
/// spectral_norm would call the raw weight "weight_orig"); <see cref="ExportParameters"/> gives the normalised weights.
/// </summary>
public sealed class SpectralNormCritic<T> : ICritic<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly MlpCritic<T> inner;
    private readonly IModule<T> activation;
    private readonly SpectralNormalized<T>[] layers;

    /// <summary>
    /// A spectrally normalised critic of the given architecture: the MLP's weights are drawn first (PyTorch's
    /// initialisation), then each layer's u as a normalised N(0, I) draw, in layer order.
    /// </summary>
    public SpectralNormCritic(CriticArchitecture architecture, Rng rng, int powerIterations = 1)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (powerIterations < 1) throw new ArgumentException($"power iterations must be at least 1, got {powerIterations}", nameof(powerIterations));
        inner = new MlpCritic<T>(architecture, rng);
        activation = Verify.Networks.Layers.Mlp.Make<T>(architecture.Activation, architecture.NegativeSlope);
        PowerIterations = powerIterations;
        layers = inner.Linears.Select(l => new SpectralNormalized<T>(l, rng, powerIterations)).ToArray();
    }

    /// <summary>Power-iteration steps per training-mode forward pass.</summary>
    public int PowerIterations { get; }

    /// <summary>The per-layer wrappers, first layer first.</summary>
    public IReadOnlyList<SpectralNormalized<T>> Layers => layers;

    /// <summary>Training mode (update u, v on every forward pass); false for evaluation. The same as <see cref="Train"/>.</summary>
    public bool Training
    {
        get => layers[0].Training;
        set => Train(value);
    }

    /// <inheritdoc/>
    public void Train(bool mode = true)
    {
        foreach (var l in layers) l.Train(mode);
        inner.Train(mode);
    }

    /// <summary>The architecture.</summary>
    public CriticArchitecture Architecture => inner.Architecture;

    /// <inheritdoc/>
    public int InputDimension => inner.InputDimension;

    /// <inheritdoc/>
    public double ActivationLipschitz => inner.ActivationLipschitz;

    /// <summary>The current estimate σ̂ = uᵀWv of layer <paramref name="layer"/>.</summary>
    public double SigmaEstimate(int layer) => layers[layer].SigmaEstimate();

    /// <inheritdoc/>
    public Tensor<T> Forward(Tensor<T> input)
    {
        var x = input;
        for (int k = 0; k < layers.Length; k++)
        {
            x = layers[k].Forward(x);
            if (k + 1 < layers.Length) x = activation.Forward(x);
        }
        return x;
    }

    /// <inheritdoc/>
    public IEnumerable<Tensor<T>> Parameters() => inner.Parameters();

    /// <inheritdoc/>
    public IEnumerable<(string Name, Tensor<T> Parameter)> NamedParameters() => inner.NamedParameters();

    /// <summary>Each layer's u and v: "0.weight_u", "0.weight_v", "2.weight_u", … (PyTorch's buffer names).</summary>
    public IEnumerable<(string Name, Tensor<T> Buffer)> NamedBuffers()
    {
        for (int k = 0; k < layers.Length; k++)
            foreach (var (name, b) in layers[k].NamedBuffers()) yield return ($"{CriticArchitecture.SequentialIndex(k)}.{name}", b);
    }

    /// <inheritdoc/>
    public void ZeroGrad() => inner.ZeroGrad();

    /// <inheritdoc/>
    public IReadOnlyList<Tensor<T>> EffectiveWeights()
    {
        using var _ = Autograd.NoGrad();
        return layers.Select(l => l.NormalizedWeight()).ToArray();
    }

    /// <inheritdoc/>
    public IReadOnlyList<(string Name, Tensor<T> Value)> ExportParameters()
    {
        var weights = EffectiveWeights();
        var list = new List<(string, Tensor<T>)>();
        for (int k = 0; k < weights.Count; k++)
        {
            int index = CriticArchitecture.SequentialIndex(k);
            list.Add(($"{index}.weight", weights[k]));
            if (inner.Linears[k].Bias is { } b) list.Add(($"{index}.bias", b.Detach()));
        }
        return list;
    }
}
