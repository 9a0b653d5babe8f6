using System.Numerics;

namespace Verify.Networks.Layers;

/// <summary>Walks a module and its sub-modules (PyTorch's named_modules()).</summary>
public static class ModuleTree
{
    /// <summary>The module itself (name "") and every sub-module below it with its dotted name, parents before children.</summary>
    public static IEnumerable<(string Name, IModule<T> Module)> All<T>(IModule<T> root) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(root);
        var stack = new Stack<(string, IModule<T>)>();
        stack.Push(("", root));
        while (stack.Count > 0)
        {
            var (name, m) = stack.Pop();
            yield return (name, m);
            foreach (var (child, sub) in m.NamedChildren().Reverse()) stack.Push((name.Length == 0 ? child : name + "." + child, sub));
        }
    }

    /// <summary>
    /// Refuses a critic that contains batch normalisation for a method with a gradient penalty: the penalty needs each
    /// sample's own gradient ∇ₓf(x̂ᵢ), but BatchNorm makes every output depend on the whole batch (WGAN-GP, Gulrajani et
    /// al. 2017 §4, leave it out of the critic and suggest layer normalisation instead). Throws an ArgumentException naming
    /// the layer.
    /// </summary>
    public static void RefuseBatchNorm<T>(IModule<T> critic, string method) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var (name, m) in All(critic))
            if (m is BatchNorm<T> bn)
                throw new ArgumentException(
                    $"{method}: the critic's layer '{(name.Length == 0 ? "(root)" : name)}' is {bn.GetType().Name.Split('`')[0]}, which makes each output depend on the whole batch, " +
                    "so the per-sample input gradients a gradient penalty needs do not exist; use LayerNorm in the critic (as WGAN-GP does) or no normalisation", nameof(critic));
    }
}
