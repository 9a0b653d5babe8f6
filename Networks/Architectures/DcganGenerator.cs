using System.Numerics;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;

namespace Verify.Networks.Architectures;

/// <summary>
/// The DCGAN-style generator for 28×28 images (Radford et al. 2016, scaled to MNIST):
/// z (100) → Linear(100 → 7·7·128) → BatchNorm1d(6272) → ReLU → Unflatten(128, 7, 7)
/// → ConvTranspose2d(128 → 64, k4 s2 p1) → BatchNorm2d(64) → ReLU → ConvTranspose2d(64 → 1, k4 s2 p1) → tanh,
/// i.e. PyTorch's <c>nn.Sequential(nn.Linear(100, 6272), nn.BatchNorm1d(6272), nn.ReLU(), nn.Unflatten(1, (128, 7, 7)),
/// nn.ConvTranspose2d(128, 64, 4, 2, 1), nn.BatchNorm2d(64), nn.ReLU(), nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Tanh())</c>
/// with its parameter and buffer names ("0.weight", "1.running_mean", "4.weight", …) and PyTorch's default initialisation,
/// drawn layer by layer from the given generator. <see cref="Forward"/> returns the images flattened, [N, 784], so batches
/// go straight to the critics and to exact transport; <see cref="Images"/> gives [N, 1, 28, 28].
/// Like PyTorch it starts in training mode (batch statistics); call <see cref="SequentialModel{T}.Eval"/> to sample with
/// the running statistics.
/// </summary>
public sealed class DcganGenerator<T> : SequentialModel<T>, IGenerator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The generator; <paramref name="width"/> is the channel count of the last hidden block (64; the first has 2·width).</summary>
    public DcganGenerator(Rng rng, int noiseDimension = 100, int width = 64) : base(Build(rng, noiseDimension, width))
    {
        NoiseDimension = noiseDimension;
    }

    private static Sequential<T> Build(Rng rng, int noise, int width)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (noise < 1) throw new ArgumentException($"noiseDimension must be at least 1, got {noise}", nameof(noise));
        if (width < 1) throw new ArgumentException($"width must be at least 1, got {width}", nameof(width));
        int c1 = 2 * width;
        return new Sequential<T>(
            new Linear<T>(noise, 7 * 7 * c1, rng), new BatchNorm1d<T>(7 * 7 * c1), new ReLU<T>(), new Unflatten<T>(c1, 7, 7),
            new ConvTranspose2d<T>(c1, width, 4, rng, stride: 2, padding: 1), new BatchNorm2d<T>(width), new ReLU<T>(),
            new ConvTranspose2d<T>(width, 1, 4, rng, stride: 2, padding: 1), new Tanh<T>());
    }

    /// <inheritdoc/>
    public int NoiseDimension { get; }

    /// <inheritdoc/>
    public int OutputDimension => 28 * 28;

    /// <summary>n rows of N(0, I) noise from <paramref name="rng"/>.</summary>
    public Tensor<T> Noise(Rng rng, int n) => Tensor.Normal<T>(rng, 0, 1, n, NoiseDimension);

    /// <summary>G(z) as images [N, 1, 28, 28].</summary>
    public Tensor<T> Images(Tensor<T> z) => Body.Forward(z);

    /// <summary>G(z) flattened, [N, 784].</summary>
    public override Tensor<T> Forward(Tensor<T> input)
    {
        if (input.Rank != 2 || input.Cols != NoiseDimension)
            throw new ArgumentException($"the generator takes noise [N, {NoiseDimension}], got [{string.Join(", ", input.Shape)}]", nameof(input));
        return Tensor.Reshape(Body.Forward(input), input.Rows, OutputDimension);
    }
}
