using System.Numerics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Optim;

/// <summary>
/// RMSprop as PyTorch's torch.optim.RMSprop (not centred, no momentum): vₜ = α·vₜ₋₁ + (1 − α)·g², v₀ = 0;
/// θ ← θ − lr·g/(√vₜ + ε), with ε added outside the square root. Defaults α = 0.99, ε = 1e-8.
/// </summary>
public sealed class RmsProp<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[]?[] squareAvg;

    /// <summary>RMSprop over <paramref name="parameters"/>.</summary>
    public RmsProp(IEnumerable<Tensor<T>> parameters, double learningRate = 0.01, double alpha = 0.99, double eps = 1e-8) : base(parameters, learningRate)
    {
        if (!(alpha >= 0 && alpha < 1)) throw new ArgumentException($"alpha must be in [0, 1), got {alpha}", nameof(alpha));
        if (!(eps >= 0) || double.IsInfinity(eps)) throw new ArgumentException($"eps must be finite and ≥ 0, got {eps}", nameof(eps));
        Alpha = alpha;
        Eps = eps;
        squareAvg = new T[]?[Params.Length];
    }

    /// <summary>Smoothing constant α.</summary>
    public double Alpha { get; }

    /// <summary>ε, added to √v.</summary>
    public double Eps { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Span<T> param, ReadOnlySpan<T> grad)
    {
        T lr = T.CreateChecked(LearningRate), a = T.CreateChecked(Alpha), oneMinusA = T.CreateChecked(1 - Alpha), eps = T.CreateChecked(Eps);
        var v = State(ref squareAvg[index], param.Length).AsSpan();
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = new Vector<T>(a); var vc = new Vector<T>(oneMinusA); var vlr = new Vector<T>(-lr); var veps = new Vector<T>(eps);
            for (; i <= param.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var g = new Vector<T>(grad.Slice(i));
                var vi = new Vector<T>(v.Slice(i)) * va + vc * (g * g);
                (new Vector<T>(param.Slice(i)) + vlr * (g / (Vector.SquareRoot(vi) + veps))).CopyTo(param.Slice(i));
                vi.CopyTo(v.Slice(i));
            }
        }
        for (; i < param.Length; i++)
        {
            T g = grad[i];
            v[i] = v[i] * a + oneMinusA * (g * g);
            param[i] += -lr * (g / (T.Sqrt(v[i]) + eps));
        }
    }
}
