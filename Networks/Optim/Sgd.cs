using System.Numerics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Optim;

/// <summary>
/// Stochastic gradient descent with optional momentum μ (PyTorch's torch.optim.SGD, dampening 0, no Nesterov):
/// b₁ = g₁, bₜ = μ·bₜ₋₁ + gₜ; θ ← θ − lr·bₜ (θ ← θ − lr·g without momentum).
/// </summary>
public sealed class Sgd<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[]?[] buffers;

    /// <summary>SGD over <paramref name="parameters"/>.</summary>
    public Sgd(IEnumerable<Tensor<T>> parameters, double learningRate, double momentum = 0) : base(parameters, learningRate)
    {
        if (!(momentum >= 0) || double.IsInfinity(momentum)) throw new ArgumentException($"momentum must be finite and ≥ 0, got {momentum}", nameof(momentum));
        Momentum = momentum;
        buffers = new T[]?[Params.Length];
    }

    /// <summary>The momentum factor μ.</summary>
    public double Momentum { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Span<T> param, ReadOnlySpan<T> grad)
    {
        T lr = T.CreateChecked(LearningRate);
        if (Momentum == 0)
        {
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(grad, -lr, param, param);
            return;
        }
        T mu = T.CreateChecked(Momentum);
        bool first = buffers[index] is null;
        var b = State(ref buffers[index], param.Length);
        for (int i = 0; i < param.Length; i++)
        {
            b[i] = first ? grad[i] : mu * b[i] + grad[i];
            param[i] += -lr * b[i];
        }
    }
}
