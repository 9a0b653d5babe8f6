using System.Numerics;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;

namespace Verify.Networks.Architectures;

/// <summary>
/// The WGAN paper's MLP pair (Arjovsky et al. 2017, §4.3: "4 hidden layers and 512 units at each layer", ReLU), for
/// 28×28 images: G: z (100) → 4 × [Linear(512), ReLU] → Linear(784) (no output non-linearity, as the reference code's
/// MLP_G; pass Activation.Tanh for images scaled to [−1, 1]) and D: 784 → 4 × [Linear(512), ReLU] → Linear(1). Both are
/// PyTorch nn.Sequential MLPs with its names ("0.weight", …, "8.bias") and default initialisation.
/// </summary>
public static class WganMlp
{
    /// <summary>The generator z (noiseDimension) → hidden ×layers → outputDimension.</summary>
    public static MlpGenerator<T> Generator<T>(Rng rng, int noiseDimension = 100, int hidden = 512, int layers = 4, int outputDimension = 784,
        Activation output = Activation.None) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (layers < 1) throw new ArgumentException($"layers must be at least 1, got {layers}", nameof(layers));
        var sizes = new List<int> { noiseDimension };
        sizes.AddRange(Enumerable.Repeat(hidden, layers));
        sizes.Add(outputDimension);
        return new MlpGenerator<T>(sizes, Activation.ReLU, rng, output);
    }

    /// <summary>The critic inputDimension → hidden ×layers → 1 (ReLU).</summary>
    public static MlpCritic<T> Critic<T>(Rng rng, int inputDimension = 784, int hidden = 512, int layers = 4) where T : unmanaged, IFloatingPointIeee754<T>
        => new(CriticArchitecture.Mlp(inputDimension, hidden, layers, Activation.ReLU), rng);
}
