using System.Numerics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Optim;

/// <summary>
/// Base of the optimizers: holds the parameters; <see cref="Step"/> updates them in place from their <c>Grad</c>
/// (parameters without a gradient are skipped, as in PyTorch); <see cref="ZeroGrad"/> clears the gradients.
/// </summary>
public abstract class Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>An optimizer over the given leaf tensors.</summary>
    protected Optimizer(IEnumerable<Tensor<T>> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Params = parameters.ToArray();
        if (Params.Length == 0) throw new ArgumentException("an optimizer needs at least one parameter", nameof(parameters));
        foreach (var p in Params)
            if (!p.IsLeaf || !p.RequiresGrad) throw new ArgumentException($"parameter {p.Name ?? "(unnamed)"} must be a leaf that requires grad", nameof(parameters));
        if (!(learningRate >= 0) || double.IsInfinity(learningRate)) throw new ArgumentException($"learning rate must be finite and ≥ 0, got {learningRate}", nameof(learningRate));
        LearningRate = learningRate;
    }

    /// <summary>The parameters, in order.</summary>
    public IReadOnlyList<Tensor<T>> Parameters => Params;

    /// <summary>Internal array of parameters.</summary>
    protected Tensor<T>[] Params { get; }

    /// <summary>The learning rate (may be changed between steps).</summary>
    public double LearningRate { get; set; }

    /// <summary>Number of steps taken.</summary>
    public int Steps { get; private set; }

    /// <summary>One update of every parameter that has a gradient.</summary>
    public void Step()
    {
        Steps++;
        for (int i = 0; i < Params.Length; i++)
        {
            var p = Params[i];
            if (p.Grad is null) continue;
            if (p.Grad.Length != p.Length) throw new InvalidOperationException($"gradient of {p.Name ?? $"parameter {i}"} has {p.Grad.Length} values, the parameter {p.Length}");
            Update(i, p.Span, p.Grad.Span);
        }
    }

    /// <summary>Clears every parameter's gradient (sets it to null).</summary>
    public void ZeroGrad()
    {
        foreach (var p in Params) p.Grad = null;
    }

    /// <summary>Updates parameter <paramref name="index"/> in place from its gradient.</summary>
    protected abstract void Update(int index, Span<T> param, ReadOnlySpan<T> grad);

    /// <summary>Per-parameter state buffers, allocated on first use.</summary>
    protected static T[] State(ref T[]? slot, int length) => slot ??= new T[length];
}
