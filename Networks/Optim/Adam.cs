using System.Numerics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Optim;

/// <summary>
/// Adam as PyTorch's torch.optim.Adam (Kingma &amp; Ba 2015, bias-corrected, no weight decay, no AMSGrad):
/// mₜ = β₁·mₜ₋₁ + (1 − β₁)·g, vₜ = β₂·vₜ₋₁ + (1 − β₂)·g²;
/// θ ← θ − (lr/(1 − β₁ᵗ))·mₜ / (√vₜ/√(1 − β₂ᵗ) + ε). Defaults lr = 1e-3, β = (0.9, 0.999), ε = 1e-8.
/// The bias corrections are computed in double, as PyTorch computes them in Python floats.
/// </summary>
public sealed class Adam<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[]?[] expAvg, expAvgSq;
    private readonly int[] stepCount;

    /// <summary>Adam over <paramref name="parameters"/>.</summary>
    public Adam(IEnumerable<Tensor<T>> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
        : base(parameters, learningRate)
    {
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentException($"beta1 must be in [0, 1), got {beta1}", nameof(beta1));
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentException($"beta2 must be in [0, 1), got {beta2}", nameof(beta2));
        if (!(eps >= 0) || double.IsInfinity(eps)) throw new ArgumentException($"eps must be finite and ≥ 0, got {eps}", nameof(eps));
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        expAvg = new T[]?[Params.Length];
        expAvgSq = new T[]?[Params.Length];
        stepCount = new int[Params.Length];
    }

    /// <summary>β₁, decay of the first moment.</summary>
    public double Beta1 { get; }

    /// <summary>β₂, decay of the second moment.</summary>
    public double Beta2 { get; }

    /// <summary>ε, added to the corrected √v.</summary>
    public double Eps { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Span<T> param, ReadOnlySpan<T> grad)
    {
        int t = ++stepCount[index];
        double bc1 = 1 - Math.Pow(Beta1, t), bc2 = 1 - Math.Pow(Beta2, t);
        T b1 = T.CreateChecked(Beta1), b2 = T.CreateChecked(Beta2);
        T c1 = T.CreateChecked(1 - Beta1), c2 = T.CreateChecked(1 - Beta2);
        T negStep = T.CreateChecked(-(LearningRate / bc1)), bc2Sqrt = T.CreateChecked(Math.Sqrt(bc2)), eps = T.CreateChecked(Eps);
        var m = State(ref expAvg[index], param.Length).AsSpan();
        var v = State(ref expAvgSq[index], param.Length).AsSpan();
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vb1 = new Vector<T>(b1); var vb2 = new Vector<T>(b2); var vc1 = new Vector<T>(c1); var vc2 = new Vector<T>(c2);
            var vstep = new Vector<T>(negStep); var vbc2 = new Vector<T>(bc2Sqrt); var veps = new Vector<T>(eps);
            for (; i <= param.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var g = new Vector<T>(grad.Slice(i));
                var mi = new Vector<T>(m.Slice(i)) * vb1 + g * vc1;
                var vi = new Vector<T>(v.Slice(i)) * vb2 + vc2 * (g * g);
                var denom = Vector.SquareRoot(vi) / vbc2 + veps;
                (new Vector<T>(param.Slice(i)) + vstep * (mi / denom)).CopyTo(param.Slice(i));
                mi.CopyTo(m.Slice(i));
                vi.CopyTo(v.Slice(i));
            }
        }
        for (; i < param.Length; i++)
        {
            T g = grad[i];
            m[i] = m[i] * b1 + g * c1;
            v[i] = v[i] * b2 + c2 * (g * g);
            T denom = T.Sqrt(v[i]) / bc2Sqrt + eps;
            param[i] += negStep * (m[i] / denom);
        }
    }
}
