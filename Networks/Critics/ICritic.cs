using System.Numerics;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;

namespace Verify.Networks.Critics;

/// <summary>
/// A critic (or GAN discriminator, as logits): a scalar function f on ℝᵈ applied to a batch, rows = samples,
/// returning a [n, 1] column. The seam another backend could implement; trainers and the audit use only this.
/// </summary>
public interface ICritic<T> : IModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The input dimension d.</summary>
    int InputDimension { get; }

    /// <summary>A Lipschitz constant of the activation between layers (1 for ReLU, LeakyReLU with slope ≤ 1 and tanh; ¼ for the sigmoid).</summary>
    double ActivationLipschitz { get; }

    /// <summary>The weight matrices as <see cref="IModule{T}.Forward"/> applies them, first layer first (after any normalisation).</summary>
    IReadOnlyList<Tensor<T>> EffectiveWeights();

    /// <summary>
    /// The named tensors of a plain MLP (PyTorch nn.Sequential names, "0.weight" [out, in], "0.bias", …) that computes
    /// the same function now — what a checkpoint stores. For a spectrally normalised critic these are W/σ̂.
    /// </summary>
    IReadOnlyList<(string Name, Tensor<T> Value)> ExportParameters();
}

/// <summary>A generator x = G(z), z ~ N(0, I) of dimension <see cref="NoiseDimension"/>, applied to a batch of noise rows.</summary>
public interface IGenerator<T> : IModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Dimension of the noise z.</summary>
    int NoiseDimension { get; }

    /// <summary>Dimension of a generated sample.</summary>
    int OutputDimension { get; }
}
