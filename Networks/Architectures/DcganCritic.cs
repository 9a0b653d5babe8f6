using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;

namespace Verify.Networks.Architectures;

/// <summary>Normalisation after the DCGAN critic's second convolution.</summary>
public enum CriticNormalization
{
    /// <summary>None (the default; WGAN-GP's critics use no batch statistics).</summary>
    None,
    /// <summary>LayerNorm([128, 7, 7]), which WGAN-GP recommends for critics with a gradient penalty.</summary>
    LayerNorm,
    /// <summary>BatchNorm2d(128), as in DCGAN's discriminator; refused by any method with a gradient penalty.</summary>
    BatchNorm,
}

/// <summary>
/// The DCGAN-style critic (or discriminator, as logits) for 28×28 images:
/// x [N, 784] → [N, 1, 28, 28] → Conv2d(1 → 64, k4 s2 p1) → LeakyReLU(0.2) → Conv2d(64 → 128, k4 s2 p1) [→ LayerNorm or
/// BatchNorm2d] → LeakyReLU(0.2) → Flatten → Linear(7·7·128 → 1), i.e. PyTorch's <c>nn.Sequential(nn.Conv2d(1, 64, 4, 2, 1),
/// nn.LeakyReLU(0.2), nn.Conv2d(64, 128, 4, 2, 1), [nn.LayerNorm([128, 7, 7]) | nn.BatchNorm2d(128),] nn.LeakyReLU(0.2),
/// nn.Flatten(), nn.Linear(6272, 1))</c> applied to x.view(-1, 1, 28, 28), with its names and default initialisation.
/// With <c>spectralNorm</c> every convolution and the linear layer is wrapped in <see cref="SpectralNormalized{T}"/>
/// (PyTorch: torch.nn.utils.spectral_norm on each; names "0.weight_orig", "0.weight_u", …).
/// </summary>
public sealed class DcganCritic<T> : SequentialModel<T>, ISequentialCritic<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The critic; <paramref name="width"/> is the channel count of the first convolution (64; the second has 2·width).</summary>
    public DcganCritic(Rng rng, CriticNormalization normalization = CriticNormalization.None, double negativeSlope = 0.2, int width = 64,
        bool spectralNorm = false, int powerIterations = 1)
        : base(Build(rng, normalization, negativeSlope, width, spectralNorm, powerIterations))
    {
        Normalization = normalization;
        NegativeSlope = negativeSlope;
        SpectralNorm = spectralNorm;
    }

    /// <summary>A critic with BatchNorm (true) or without normalisation (false); see <see cref="CriticNormalization"/>.</summary>
    public DcganCritic(Rng rng, bool batchNorm) : this(rng, batchNorm ? CriticNormalization.BatchNorm : CriticNormalization.None) { }

    private static Sequential<T> Build(Rng rng, CriticNormalization norm, double slope, int width, bool sn, int powerIterations)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (width < 1) throw new ArgumentException($"width must be at least 1, got {width}", nameof(width));
        if (!(slope >= 0 && slope <= 1)) throw new ArgumentException($"negativeSlope must lie in [0, 1], got {slope}", nameof(slope));
        if (!Enum.IsDefined(norm)) throw new ArgumentException($"unknown normalisation {(int)norm}", nameof(norm));
        int c2 = 2 * width;
        IModule<T> Wrap(IWeightedLayer<T> layer) => sn ? new SpectralNormalized<T>(layer, rng, powerIterations) : layer;
        var body = new Sequential<T>(Wrap(new Conv2d<T>(1, width, 4, rng, stride: 2, padding: 1)), new LeakyReLU<T>(slope),
            Wrap(new Conv2d<T>(width, c2, 4, rng, stride: 2, padding: 1)));
        if (norm == CriticNormalization.LayerNorm) body.Add(new LayerNorm<T>([c2, 7, 7]));
        if (norm == CriticNormalization.BatchNorm) body.Add(new BatchNorm2d<T>(c2));
        body.Add(new LeakyReLU<T>(slope)).Add(new Flatten<T>()).Add(Wrap(new Linear<T>(7 * 7 * c2, 1, rng)));
        return body;
    }

    /// <summary>The normalisation after the second convolution.</summary>
    public CriticNormalization Normalization { get; }

    /// <summary>The LeakyReLU slope.</summary>
    public double NegativeSlope { get; }

    /// <summary>Whether every weight is spectrally normalised.</summary>
    public bool SpectralNorm { get; }

    /// <inheritdoc/>
    public int[] BodyInputShape => [1, 1, 28, 28];

    /// <inheritdoc/>
    public int InputDimension => 28 * 28;

    /// <inheritdoc/>
    public double ActivationLipschitz => Math.Max(1, NegativeSlope);

    /// <summary>f(x) for x [N, 784] or [N, 1, 28, 28]: a column [N, 1].</summary>
    public override Tensor<T> Forward(Tensor<T> input)
    {
        if (input.Length != input.Rows * InputDimension || input.Rank is not (2 or 4))
            throw new ArgumentException($"the critic takes images [N, 784] or [N, 1, 28, 28], got [{string.Join(", ", input.Shape)}]", nameof(input));
        return Body.Forward(input.Rank == 4 ? input : Tensor.Reshape(input, input.Rows, 1, 28, 28));
    }

    /// <summary>The weights as the layers apply them (W/σ̂ under spectral norm), first layer first, in their own shapes (convolution kernels are [O, C, k, k]).</summary>
    public IReadOnlyList<Tensor<T>> EffectiveWeights()
    {
        using var _ = Autograd.NoGrad();
        return Body.Layers.Select(l => l switch
        {
            SpectralNormalized<T> s => s.NormalizedWeight(),
            IWeightedLayer<T> w => w.Weight,
            _ => null,
        }).OfType<Tensor<T>>().ToArray();
    }

    /// <summary>
    /// The state dict of the plain nn.Sequential that computes the same function now: parameters and buffers under their
    /// names, with spectrally normalised weights exported as "k.weight" = W/σ̂ (so it loads without spectral_norm).
    /// </summary>
    public IReadOnlyList<(string Name, Tensor<T> Value)> ExportParameters()
    {
        var list = new List<(string, Tensor<T>)>();
        using var _ = Autograd.NoGrad();
        for (int i = 0; i < Body.Count; i++)
        {
            var layer = Body[i];
            if (layer is SpectralNormalized<T> s)
            {
                list.Add(($"{i}.weight", s.NormalizedWeight()));
                foreach (var (name, p) in s.NamedParameters().Where(p => p.Name != "weight_orig")) list.Add(($"{i}.{name}", p.Detach()));
                continue;
            }
            foreach (var (name, p) in layer.NamedParameters()) list.Add(($"{i}.{name}", p.Detach()));
            foreach (var (name, b) in layer.NamedBuffers()) list.Add(($"{i}.{name}", b.Detach()));
        }
        return list;
    }
}
