using System.Numerics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Autodiff;

/// <summary>
/// A backward rule: given the gradient of the output, returns one gradient per input (null where the input needs none).
/// Rules are written with differentiable <see cref="Tensor"/> ops, so running them with recording on builds a graph.
/// </summary>
public delegate Tensor<T>?[] BackwardRule<T>(Tensor<T> gradOutput) where T : unmanaged, IFloatingPointIeee754<T>;

/// <summary>One recorded operation: its name, its inputs and its backward rule.</summary>
internal sealed class Node<T>(string op, Tensor<T>[] inputs, BackwardRule<T> rule) where T : unmanaged, IFloatingPointIeee754<T>
{
    public string Op { get; } = op;
    public Tensor<T>[] Inputs { get; } = inputs;
    public BackwardRule<T> Rule { get; } = rule;
}
