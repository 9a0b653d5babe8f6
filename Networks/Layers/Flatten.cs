using System.Numerics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Layers;

/// <summary>nn.Flatten(): [N, d₁, d₂, …] → [N, d₁·d₂·…] (no parameters; a reshape).</summary>
public sealed class Flatten<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input)
    {
        if (input.Rank < 1) throw new ArgumentException("Flatten: needs a batch, got a scalar", nameof(input));
        return Tensor.Reshape(input, input.Rows, input.Rank == 1 ? 1 : input.Cols);
    }
}

/// <summary>nn.Unflatten(1, shape): [N, d₁·d₂·…] → [N, d₁, d₂, …] (no parameters; a reshape).</summary>
public sealed class Unflatten<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] shape;

    /// <summary>Unflattens the features of each row into <paramref name="shape"/>.</summary>
    public Unflatten(params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length == 0 || shape.Any(d => d < 1)) throw new ArgumentException($"Unflatten: shape [{string.Join(", ", shape)}] must be non-empty and positive", nameof(shape));
        this.shape = (int[])shape.Clone();
    }

    /// <summary>The shape of one sample.</summary>
    public IReadOnlyList<int> Shape => shape;

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input)
    {
        int features = shape.Aggregate(1, (a, b) => a * b);
        if (input.Rank != 2 || input.Cols != features)
            throw new ArgumentException($"Unflatten: needs [N, {features}] for samples of [{string.Join(", ", shape)}], got [{string.Join(", ", input.Shape)}]", nameof(input));
        return Tensor.Reshape(input, [input.Rows, .. shape]);
    }
}
