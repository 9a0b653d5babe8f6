using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using Verify.Networks.Autodiff;
using Verify.Networks.Init;
using Verify.Networks.Tensors;

namespace Verify.Networks.Critics;

/// <summary>The spectral norm of a linear operator M: ℝⁿ → ℝᵐ known through M and Mᵀ (power iteration).</summary>
/// <param name="Estimate">σ̂ = ‖M v‖ after the iterations, never above ‖M‖ (a Rayleigh quotient; up to rounding).</param>
/// <param name="UpperBound">A bound ‖M‖ ≤ UpperBound that holds with probability ≥ 1 − <paramref name="Delta"/> over the seed.</param>
/// <param name="Delta">The failure probability of <paramref name="UpperBound"/> (0 when it is certain).</param>
/// <param name="Iterations">Applications of MᵀM.</param>
public readonly record struct OperatorNorm(double Estimate, double UpperBound, double Delta, int Iterations);

public static partial class SpectralNorm
{
    /// <summary>Failure probability of the operator bounds by default.</summary>
    public const double DefaultDelta = 1e-6;

    /// <summary>Power iterations for operator bounds by default: the bound is then ≈ 1.011 × the estimate for n ≈ 10⁴, δ = 10⁻⁶ (≈ 1.003 with 4000).</summary>
    public const int DefaultOperatorIterations = 1000;

    /// <summary>
    /// ‖M‖ for a linear map given as <paramref name="apply"/> (ℝⁿ → ℝᵐ) and its adjoint <paramref name="adjoint"/>, by
    /// k = <paramref name="iterations"/> steps v ← MᵀMv/‖MᵀMv‖ from a uniformly random unit start (seeded), then σ̂ = ‖Mv‖.
    /// <para>
    /// The bound, for A = MᵀM with eigenvalues λ₁ ≥ … and c₁ the start's component along a top eigenvector: after k steps
    /// the Rayleigh quotient μ = σ̂² satisfies μ ≥ θλ₁(1 − θ²ᵏ/c₁²) for every θ ∈ (0, 1) (the eigen-directions below θλ₁
    /// carry weight at most θ²ᵏ/c₁²). For a uniform start on the sphere P(c₁² &lt; t) ≤ √(2nt/π) (the density of c₁ is at
    /// most √(n/(2π)) by Gautschi's inequality), so with t = πδ²/(2n), with probability ≥ 1 − δ:
    /// λ₁ ≤ μ·F, F = t^(−1/2k)·(2k + 1)^(1 + 1/2k)/(2k) (θ chosen optimally), i.e. ‖M‖ ≤ σ̂·√F.
    /// A relative allowance of 10⁻⁹ covers rounding.
    /// </para>
    /// </summary>
    public static OperatorNorm OfOperator(Func<double[], double[]> apply, Func<double[], double[]> adjoint, int inputDimension,
        int iterations = DefaultOperatorIterations, double delta = DefaultDelta, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(apply);
        ArgumentNullException.ThrowIfNull(adjoint);
        if (inputDimension < 1) throw new ArgumentException($"inputDimension must be at least 1, got {inputDimension}", nameof(inputDimension));
        if (iterations < 1) throw new ArgumentException($"iterations must be at least 1, got {iterations}", nameof(iterations));
        if (!(delta > 0 && delta < 1)) throw new ArgumentException($"delta must lie in (0, 1), got {delta}", nameof(delta));
        var v = RandomUnit(new Rng(seed), inputDimension);
        for (int it = 0; it < iterations; it++)
        {
            var next = adjoint(apply(v));
            if (next.Length != inputDimension) throw new ArgumentException($"the adjoint returned {next.Length} values for an input of {inputDimension}", nameof(adjoint));
            double norm = Math.Sqrt(TensorPrimitives.SumOfSquares<double>(next));
            if (norm == 0) return new OperatorNorm(0, 0, delta, it + 1); // v in the null space: since c₁ ≠ 0 a.s., M = 0
            if (!double.IsFinite(norm)) throw new ArgumentException("the operator produced NaN or ±∞", nameof(apply));
            TensorPrimitives.Multiply(next, 1 / norm, next);
            v = next;
        }
        double sigma = Math.Sqrt(TensorPrimitives.SumOfSquares<double>(apply(v)));
        return new OperatorNorm(sigma, sigma * Math.Sqrt(BoundFactor(inputDimension, iterations, delta)) * (1 + 1e-9), delta, iterations);
    }

    /// <summary>F = t^(−1/2k)·(2k + 1)^(1 + 1/2k)/(2k) with t = πδ²/(2n): λ₁ ≤ μ·F with probability ≥ 1 − δ (see <see cref="OfOperator"/>).</summary>
    public static double BoundFactor(int n, int k, double delta)
    {
        double logT = Math.Log(Math.PI * delta * delta / (2.0 * n));
        double twoK = 2.0 * k;
        return Math.Exp(-logT / twoK + Math.Log(twoK + 1) / twoK) * (twoK + 1) / twoK;
    }

    /// <summary>
    /// The operator norm of a convolution x ↦ conv2d(x, W) (no bias) on images of <paramref name="geometry"/>, W of shape
    /// [O, C, kH, kW] row-major: power iteration through the convolution and its adjoint (Im2Col / Col2Im, never the dense
    /// matrix), bounded as in <see cref="OfOperator"/>, and the bound capped by the certain √m·σ̄(W') where W' is W as an
    /// O × C·kH·kW matrix, σ̄ its <see cref="UpperBound"/> and m the largest number of windows covering one pixel
    /// (‖conv x‖² = Σ_windows ‖W'pᵢ‖² ≤ σ(W')²·m·‖x‖²). The same norm bounds the transposed convolution with this weight.
    /// </summary>
    public static OperatorNorm OfConv2d(double[] weight, int outChannels, Conv2dGeometry geometry,
        int iterations = DefaultOperatorIterations, double delta = DefaultDelta, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(weight);
        var g = geometry;
        if (outChannels < 1 || weight.Length != (long)outChannels * g.PatchSize)
            throw new ArgumentException($"a weight [{outChannels}, {g.Channels}, {g.KernelH}, {g.KernelW}] needs {(long)outChannels * g.PatchSize} values, {weight.Length} given", nameof(weight));
        var w = Tensor.From(weight, outChannels, g.PatchSize);
        int n = g.Channels * g.Height * g.Width;
        double[] Apply(double[] x)
        {
            using var _ = Autograd.NoGrad();
            return Tensor.Linear(Tensor.Im2Col(Tensor.From(x, 1, g.Channels, g.Height, g.Width), g), w).ToArray(); // [windows, O]
        }
        double[] Adjoint(double[] y)
        {
            using var _ = Autograd.NoGrad();
            return Tensor.Col2Im(Tensor.MatMul(Tensor.From(y, g.Windows, outChannels), w), g, 1).ToArray();
        }
        var r = OfOperator(Apply, Adjoint, n, iterations, delta, seed);
        double certain = Math.Sqrt(g.MaxMultiplicity) * UpperBound(weight, outChannels, g.PatchSize);
        return certain <= r.UpperBound ? r with { UpperBound = certain, Delta = 0 } : r;
    }
}
