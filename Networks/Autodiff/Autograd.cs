using System.Numerics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Autodiff;

/// <summary>
/// Reverse-mode automatic differentiation (front door).
/// <list type="bullet">
/// <item><c>Autograd.Grad(outputs, inputs, createGraph)</c>: ∂(Σ outputs)/∂inputs. With <c>createGraph: true</c> the backward
/// rules run with recording on, so the returned gradients are graph nodes that can be differentiated again
/// (gradient penalties, Hessian-vector products). With <c>createGraph: false</c> the rules run unrecorded (fast path).</item>
/// <item><c>Autograd.Backward(loss)</c> / <c>loss.Backward()</c>: accumulates ∂loss/∂leaf into <c>leaf.Grad</c> for every leaf
/// with <c>RequiresGrad</c>; a second call adds to it.</item>
/// <item><c>using (Autograd.NoGrad()) { … }</c>: nothing inside is recorded.</item>
/// </list>
/// The graph is processed in reverse topological order, so a tensor used several times (fan-out) receives the sum of its
/// gradients before its own rule runs. Graphs are retained: backward may run several times over the same graph.
/// <c>Grad</c> visits only what leads to the requested inputs (no weight gradients when only ∂f/∂x is asked for).
/// A pass without <c>createGraph</c> recycles the buffers it allocates and drops (never those of the gradients it hands out).
/// </summary>
public static class Autograd
{
    /// <summary>True unless inside a <see cref="NoGrad"/> scope.</summary>
    public static bool IsGradEnabled => GradMode.Enabled;

    /// <summary>Turns recording off until the returned scope is disposed.</summary>
    public static GradScope NoGrad() => new(false);

    /// <summary>Turns recording on until the returned scope is disposed (e.g. inside a NoGrad region).</summary>
    public static GradScope EnableGrad() => new(true);

    /// <summary>
    /// Gradients of Σᵢ ⟨gradOutputsᵢ, outputsᵢ⟩ (gradOutputs default to ones) with respect to each input.
    /// An input the outputs do not depend on gets a zero tensor of its shape.
    /// </summary>
    public static Tensor<T>[] Grad<T>(IReadOnlyList<Tensor<T>> outputs, IReadOnlyList<Tensor<T>> inputs,
        IReadOnlyList<Tensor<T>>? gradOutputs = null, bool createGraph = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var x in inputs)
            if (!x.RequiresGrad) throw new ArgumentException("Grad: every input must require grad (set RequiresGrad = true on leaves)", nameof(inputs));
        var grads = GradEngine<T>.Run(outputs, gradOutputs, createGraph, keep: inputs);
        var result = new Tensor<T>[inputs.Count];
        for (int i = 0; i < inputs.Count; i++)
            result[i] = grads.TryGetValue(inputs[i], out var g) ? g : Tensor.Zeros<T>(inputs[i].shape);
        return result;
    }

    /// <summary>Gradient of one output with respect to one input (see the list overload).</summary>
    public static Tensor<T> Grad<T>(Tensor<T> output, Tensor<T> input, bool createGraph = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Grad([output], [input], null, createGraph)[0];

    /// <summary>Gradients of one output with respect to several inputs.</summary>
    public static Tensor<T>[] Grad<T>(Tensor<T> output, IReadOnlyList<Tensor<T>> inputs, bool createGraph = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Grad([output], inputs, null, createGraph);

    /// <summary>
    /// Accumulates ∂⟨gradient, output⟩/∂leaf into <c>leaf.Grad</c> for each leaf that requires grad.
    /// <paramref name="gradient"/> may be omitted only for a one-element output.
    /// </summary>
    public static void Backward<T>(Tensor<T> output, Tensor<T>? gradient = null, bool createGraph = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!output.RequiresGrad) throw new InvalidOperationException("Backward: the output does not require grad (no parameter or input with RequiresGrad reaches it)");
        var grads = GradEngine<T>.Run([output], gradient is null ? null : [gradient], createGraph, keep: null);
        using var _ = new GradScope(createGraph);
        // Rules may hand the same tensor to several inputs (add: (g, g)); give each leaf its own gradient object so that
        // no two leaves, and no caller-supplied tensor, share a .Grad.
        var given = new HashSet<Tensor<T>>(ReferenceEqualityComparer.Instance as IEqualityComparer<Tensor<T>>);
        if (gradient is not null) given.Add(gradient);
        foreach (var (t, g) in grads)
        {
            if (!t.IsLeaf) continue;
            if (t.Grad is not null) t.Grad = Tensor.Add(t.Grad, g);
            else if (createGraph) t.Grad = g;
            else t.Grad = !g.IsLeaf || !given.Add(g) ? g.Detach() : g;
        }
    }
}
