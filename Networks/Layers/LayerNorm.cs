using System.Numerics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Layers;

/// <summary>
/// PyTorch's nn.LayerNorm(normalizedShape, eps = 1e-5): each sample is normalised over its trailing dimensions
/// (e.g. [C, H, W] of an NCHW batch), y = (x − μ)/√(σ² + ε)·γ + β with μ and the biased variance σ² of that sample,
/// γ (weight, ones) and β (bias, zeros) of shape normalizedShape. The same in training and evaluation: every output
/// depends on its own sample only, so it is safe in a critic with a gradient penalty (WGAN-GP's choice). Written with
/// differentiable ops, so it has second derivatives.
/// </summary>
public sealed class LayerNorm<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] normalized;
    private readonly T eps;

    /// <summary>A layer norm over trailing dimensions <paramref name="normalizedShape"/>.</summary>
    public LayerNorm(int[] normalizedShape, double eps = 1e-5, bool elementwiseAffine = true)
    {
        ArgumentNullException.ThrowIfNull(normalizedShape);
        if (normalizedShape.Length == 0 || normalizedShape.Any(d => d < 1))
            throw new ArgumentException($"LayerNorm: normalizedShape [{string.Join(", ", normalizedShape)}] must be non-empty and positive", nameof(normalizedShape));
        if (!(eps > 0)) throw new ArgumentException($"LayerNorm: eps must be > 0, got {eps}", nameof(eps));
        normalized = (int[])normalizedShape.Clone();
        Eps = eps;
        this.eps = T.CreateChecked(eps);
        if (elementwiseAffine)
        {
            Weight = RegisterParameter("weight", Tensor.Ones<T>(normalized));
            Bias = RegisterParameter("bias", Tensor.Zeros<T>(normalized));
        }
    }

    /// <summary>The normalised trailing shape.</summary>
    public IReadOnlyList<int> NormalizedShape => normalized;

    /// <summary>ε added to the variance.</summary>
    public double Eps { get; }

    /// <summary>γ, or null without affine parameters.</summary>
    public Tensor<T>? Weight { get; }

    /// <summary>β, or null without affine parameters.</summary>
    public Tensor<T>? Bias { get; }

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input)
    {
        int r = normalized.Length;
        if (input.Rank < r || !input.Shape.Skip(input.Rank - r).SequenceEqual(normalized))
            throw new ArgumentException($"LayerNorm: input [{string.Join(", ", input.Shape)}] does not end in [{string.Join(", ", normalized)}]", nameof(input));
        int d = normalized.Aggregate(1, (a, b) => a * b);
        var x = Tensor.Reshape(input, input.Length / d, d);
        var centred = Tensor.Sub(x, Tensor.Mean(x, 1, keepDim: true));
        var variance = Tensor.Mean(Tensor.Square(centred), 1, keepDim: true);
        var y = Tensor.Reshape(Tensor.Div(centred, Tensor.Sqrt(Tensor.AddScalar(variance, eps))), [.. input.Shape]);
        if (Weight is null) return y;
        return Tensor.Add(Tensor.Mul(y, Weight), Bias!);
    }
}
