using System.Numerics;
using System.Runtime.InteropServices;
using Verify.Networks.Tensors;

namespace Verify.Networks.Autodiff;

/// <summary>The backward pass: reverse topological order over recorded nodes, summing gradients at fan-out.</summary>
internal static class GradEngine<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// Runs every backward rule reachable from the outputs and returns the gradient of each leaf (and of each tensor in
    /// <paramref name="keep"/>) that received one.
    /// </summary>
    public static Dictionary<Tensor<T>, Tensor<T>> Run(IReadOnlyList<Tensor<T>> outputs, IReadOnlyList<Tensor<T>>? gradOutputs,
        bool createGraph, IReadOnlyList<Tensor<T>>? keep)
    {
        if (gradOutputs is not null && gradOutputs.Count != outputs.Count)
            throw new ArgumentException($"gradOutputs has {gradOutputs.Count} tensors for {outputs.Count} outputs", nameof(gradOutputs));
        var order = TopologicalOrder(outputs);
        var grads = new Dictionary<Tensor<T>, Tensor<T>>(ReferenceEqualityComparer.Instance as IEqualityComparer<Tensor<T>>);
        var keepSet = keep is null ? null : new HashSet<Tensor<T>>(keep, ReferenceEqualityComparer.Instance as IEqualityComparer<Tensor<T>>);

        // Prune to what the requested inputs need (as PyTorch's autograd.grad does): a node is run only when one of its
        // inputs leads to a requested tensor, and rules skip inputs that lead nowhere (e.g. weight gradients when only
        // ∂f/∂x is asked for).
        var needed = keepSet is null ? null : NeededSet(order, keepSet);
        var savedNeeded = Needed<T>.Current;
        Needed<T>.Current = needed;
        // Without a graph, every buffer this pass allocates is unreachable afterwards unless it backs a returned gradient:
        // those buffers are recycled (TensorPool). With createGraph the results are captured by the new graph: no reuse.
        bool logging = !createGraph && TensorPool<T>.BeginLog();
        bool done = false;
        try
        {
            var result = Propagate(outputs, gradOutputs, createGraph, order, grads, keepSet, needed);
            if (logging) TensorPool<T>.EndLog(result.Values.Select(g => g.data));
            done = true;
            return result;
        }
        finally
        {
            if (logging && !done) TensorPool<T>.AbandonLog();
            Needed<T>.Current = savedNeeded;
        }
    }

    private static HashSet<Tensor<T>> NeededSet(List<Tensor<T>> order, HashSet<Tensor<T>> targets)
    {
        var needed = new HashSet<Tensor<T>>(targets, ReferenceEqualityComparer.Instance as IEqualityComparer<Tensor<T>>);
        foreach (var t in order) // inputs before their users
        {
            if (needed.Contains(t)) continue;
            foreach (var x in t.Node!.Inputs)
                if (needed.Contains(x)) { needed.Add(t); break; }
        }
        return needed;
    }

    private static Dictionary<Tensor<T>, Tensor<T>> Propagate(IReadOnlyList<Tensor<T>> outputs, IReadOnlyList<Tensor<T>>? gradOutputs,
        bool createGraph, List<Tensor<T>> order, Dictionary<Tensor<T>, Tensor<T>> grads, HashSet<Tensor<T>>? keepSet, HashSet<Tensor<T>>? needed)
    {
        using var scope = new GradScope(createGraph);
        for (int i = 0; i < outputs.Count; i++)
        {
            var y = outputs[i];
            if (!y.RequiresGrad) continue;
            Tensor<T> seed;
            if (gradOutputs is not null)
            {
                seed = gradOutputs[i];
                if (!ShapeOps.Same(seed.shape, y.shape))
                    throw new ArgumentException($"gradOutputs[{i}] has shape {ShapeOps.Show(seed.shape)} but the output has {ShapeOps.Show(y.shape)}", nameof(gradOutputs));
            }
            else
            {
                if (y.Length != 1) throw new ArgumentException($"a gradient can be implied only for one-element outputs; output {i} has shape {ShapeOps.Show(y.shape)}", nameof(gradOutputs));
                seed = Tensor.Ones<T>(y.shape);
            }
            Accumulate(grads, y, seed);
        }

        for (int k = order.Count - 1; k >= 0; k--)
        {
            var t = order[k];
            if (!grads.TryGetValue(t, out var g)) continue;
            if (needed is not null && !needed.Contains(t)) { grads.Remove(t); continue; }
            var node = t.Node!;
            var inputGrads = node.Rule(g);
            if (keepSet is null || !keepSet.Contains(t)) grads.Remove(t); // intermediate: no longer needed
            for (int j = 0; j < node.Inputs.Length; j++)
            {
                var x = node.Inputs[j];
                var gx = inputGrads[j];
                if (gx is null || !x.RequiresGrad || (needed is not null && !needed.Contains(x))) continue;
                if (!ShapeOps.Same(gx.shape, x.shape))
                    throw new InvalidOperationException($"backward of {node.Op}: gradient of input {j} has shape {ShapeOps.Show(gx.shape)}, input has {ShapeOps.Show(x.shape)}");
                Accumulate(grads, x, gx);
            }
        }
        return grads;
    }

    private static void Accumulate(Dictionary<Tensor<T>, Tensor<T>> grads, Tensor<T> x, Tensor<T> g)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(grads, x, out bool exists);
        slot = exists ? Tensor.Add(slot!, g) : g;
    }

    /// <summary>Non-leaf tensors reachable from the outputs, in topological order (inputs before the ops that use them).</summary>
    private static List<Tensor<T>> TopologicalOrder(IReadOnlyList<Tensor<T>> outputs)
    {
        var order = new List<Tensor<T>>();
        var visited = new HashSet<Tensor<T>>(ReferenceEqualityComparer.Instance as IEqualityComparer<Tensor<T>>);
        var stack = new Stack<(Tensor<T> T, int Next)>();
        foreach (var y in outputs)
        {
            if (y.Node is null || !visited.Add(y)) continue;
            stack.Push((y, 0));
            while (stack.Count > 0)
            {
                var (t, next) = stack.Pop();
                var inputs = t.Node!.Inputs;
                if (next < inputs.Length)
                {
                    stack.Push((t, next + 1));
                    var x = inputs[next];
                    if (x.Node is not null && visited.Add(x)) stack.Push((x, 0));
                }
                else order.Add(t);
            }
        }
        return order;
    }
}

/// <summary>The tensors the running backward pass must reach (null: every tensor that requires grad).</summary>
internal static class Needed<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    [ThreadStatic] public static HashSet<Tensor<T>>? Current;

    public static bool Contains(Tensor<T> x) => x.RequiresGrad && (Current is null || Current.Contains(x));
}
