using System.Numerics;
using Verify.Networks.Init;
using Verify.Networks.Tensors;

namespace Verify.Networks.Layers;

/// <summary>
/// y = x·Wᵀ + b (PyTorch's nn.Linear): weight W of shape [out, in], bias b of shape [out].
/// Default initialisation as PyTorch: W ~ Kaiming-uniform with a = √5, i.e. U(±1/√in); b ~ U(±1/√in);
/// drawn from <see cref="Rng"/> in that order (weight row-major, then bias).
/// </summary>
public sealed class Linear<T> : Module<T>, IWeightedLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A linear layer initialised from <paramref name="rng"/>.</summary>
    public Linear(int inFeatures, int outFeatures, Rng rng, bool bias = true)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (inFeatures <= 0) throw new ArgumentException($"inFeatures must be positive, got {inFeatures}", nameof(inFeatures));
        if (outFeatures <= 0) throw new ArgumentException($"outFeatures must be positive, got {outFeatures}", nameof(outFeatures));
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", Tensor.Zeros<T>(outFeatures, inFeatures));
        Initializers.KaimingUniform(Weight, rng);
        if (bias)
        {
            Bias = RegisterParameter("bias", Tensor.Zeros<T>(outFeatures));
            Initializers.BiasUniform(Bias, Weight, rng);
        }
    }

    /// <summary>Number of input features.</summary>
    public int InFeatures { get; }

    /// <summary>Number of output features.</summary>
    public int OutFeatures { get; }

    /// <summary>The weight W, shape [out, in].</summary>
    public Tensor<T> Weight { get; }

    /// <summary>The bias b, shape [out], or null.</summary>
    public Tensor<T>? Bias { get; }

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input) => Tensor.Linear(input, Weight, Bias);

    /// <inheritdoc/>
    public Tensor<T> Forward(Tensor<T> input, Tensor<T> weight) => Tensor.Linear(input, weight, Bias);

    /// <inheritdoc/>
    public int OutputDim => 0;
}
