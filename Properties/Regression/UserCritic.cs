using Verify.Networks.Checkpoints;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Interop;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;

namespace Verify.Properties.Regression;

/// <summary>The Lipschitz audit of a user's critic on one pair.</summary>
/// <param name="Lipschitz">The empirical constant: the largest lower bound found.</param>
/// <param name="UpperBound">∏ₗ σ(Wₗ) for an MLP; null for an ONNX graph (its weights are not exposed).</param>
/// <param name="Parts">Each lower bound by name (gradient norm or finite difference, pairwise ratios).</param>
public sealed record UserCriticAudit(double Lipschitz, double? UpperBound, IReadOnlyList<(string Name, double Value)> Parts);

/// <summary>
/// A critic the user brings: an ONNX model (any architecture, forward only) or a safetensors MLP (a PyTorch
/// <c>nn.Sequential</c> state dict or <c>verify train</c>'s checkpoint, read by <see cref="CriticCheckpoint"/>).
/// </summary>
public sealed class UserCritic : IDisposable
{
    private readonly OnnxCritic<double>? onnx;
    private readonly MlpCritic<double>? mlp;

    private UserCritic(string source, OnnxCritic<double>? onnx, MlpCritic<double>? mlp)
    {
        Source = source;
        this.onnx = onnx;
        this.mlp = mlp;
    }

    /// <summary>
    /// Opens <paramref name="path"/>: ".onnx" through ONNX Runtime, anything else as safetensors (widths inferred unless
    /// <paramref name="sizes"/> are given; activation and slope from the file's metadata or the arguments).
    /// </summary>
    public static UserCritic Open(string path, IReadOnlyList<int>? sizes = null, Activation? activation = null, double? negativeSlope = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            if (sizes is not null || activation is not null || negativeSlope is not null)
                throw new ArgumentException($"--sizes, --activation and --negative-slope describe a safetensors MLP; {path} is an ONNX model, which describes itself");
            return new UserCritic(path, OnnxCritic<double>.Load(path), null);
        }
        return new UserCritic(path, null, CriticCheckpoint.Open(path, sizes, activation, negativeSlope).Create<double>());
    }

    /// <summary>The file.</summary>
    public string Source { get; }

    /// <summary>The input dimension d.</summary>
    public int Dimension => onnx?.InputDimension ?? mlp!.InputDimension;

    /// <summary>"onnx (float32)" or "mlp 2-64-64-1 relu".</summary>
    public string Kind => onnx is not null ? $"onnx ({(onnx.SinglePrecision ? "float32" : "float64")})" : "mlp " + mlp!.Architecture;

    /// <summary>f at each row of <paramref name="points"/> (row-major, d per row).</summary>
    public double[] Evaluate(double[] points)
    {
        if (onnx is not null) return onnx.Evaluate(points);
        using var _ = Networks.Autodiff.Autograd.NoGrad();
        return mlp!.Forward(Tensor.From(points, points.Length / Dimension, Dimension)).ToDoubleArray();
    }

    /// <summary>
    /// The Lipschitz audit on the rows of <paramref name="p"/> and <paramref name="q"/>: for an MLP the autodiff audit
    /// (<see cref="CriticAudit"/>: gradient norms, pairwise ratio, and the upper bound ∏σ(W)); for ONNX the forward-only
    /// audit (<see cref="ForwardAudit"/>).
    /// </summary>
    public UserCriticAudit Audit(double[] p, double[] q, Rng rng)
    {
        if (onnx is not null)
        {
            ForwardAuditResult a = ForwardAudit.Run(onnx, p, q, rng, onnx.SinglePrecision);
            return new UserCriticAudit(a.Empirical, null,
                [("finite_difference", a.FiniteDifference), ("pairwise_data", a.PairwiseData), ("pairwise_interpolates", a.PairwiseInterpolates)]);
        }
        int d = Dimension;
        CriticAuditResult r = CriticAudit.Run(mlp!, Tensor.From(p, p.Length / d, d), Tensor.From(q, q.Length / d, d), rng);
        return new UserCriticAudit(r.Empirical, r.SpectralBound, [("max_gradient_norm", r.MaxGradientNorm), ("pairwise_ratio", r.PairwiseRatio)]);
    }

    /// <summary>Releases an ONNX session.</summary>
    public void Dispose() => onnx?.Dispose();
}
