using System.Numerics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Layers;

/// <summary>The activation functions an <see cref="Mlp"/> can use.</summary>
public enum Activation
{
    /// <summary>The identity (no activation).</summary>
    None,
    /// <summary>max(x, 0).</summary>
    ReLU,
    /// <summary>x for x &gt; 0, slope·x otherwise.</summary>
    LeakyReLU,
    /// <summary>tanh x.</summary>
    Tanh,
    /// <summary>1/(1 + e⁻ˣ).</summary>
    Sigmoid,
}

/// <summary>max(x, 0) (nn.ReLU).</summary>
public sealed class ReLU<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input) => Tensor.Relu(input);
}

/// <summary>x for x &gt; 0, slope·x otherwise (nn.LeakyReLU; PyTorch's default slope is 0.01).</summary>
public sealed class LeakyReLU<T>(double negativeSlope = 0.01) : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The slope for x ≤ 0.</summary>
    public double NegativeSlope { get; } = negativeSlope;

    private readonly T slope = T.CreateChecked(negativeSlope);

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input) => Tensor.LeakyRelu(input, slope);
}

/// <summary>tanh x (nn.Tanh).</summary>
public sealed class Tanh<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input) => Tensor.Tanh(input);
}

/// <summary>1/(1 + e⁻ˣ) (nn.Sigmoid).</summary>
public sealed class Sigmoid<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input) => Tensor.Sigmoid(input);
}
