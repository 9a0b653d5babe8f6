using System.Numerics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Layers;

/// <summary>
/// Base class for modules: parameters and sub-modules are registered explicitly by name, in order; names follow
/// PyTorch (own parameters first, then each child's under "child.").
/// </summary>
public abstract class Module<T> : IModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<(string Name, Tensor<T> Parameter)> parameters = [];
    private readonly List<(string Name, IModule<T> Module)> children = [];

    /// <inheritdoc/>
    public abstract Tensor<T> Forward(Tensor<T> input);

    /// <summary>Registers a trainable tensor under <paramref name="name"/> (marks it RequiresGrad) and returns it.</summary>
    protected Tensor<T> RegisterParameter(string name, Tensor<T> parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameters.Any(p => p.Name == name) || children.Any(c => c.Name == name))
            throw new ArgumentException($"a parameter or module named \"{name}\" is already registered", nameof(name));
        if (!parameter.IsLeaf) throw new ArgumentException($"parameter \"{name}\" must be a leaf tensor", nameof(parameter));
        parameter.RequiresGrad = true;
        parameters.Add((name, parameter));
        return parameter;
    }

    /// <summary>Registers a child module under <paramref name="name"/> and returns it.</summary>
    protected TModule RegisterModule<TModule>(string name, TModule module) where TModule : IModule<T>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(module);
        if (parameters.Any(p => p.Name == name) || children.Any(c => c.Name == name))
            throw new ArgumentException($"a parameter or module named \"{name}\" is already registered", nameof(name));
        children.Add((name, module));
        return module;
    }

    /// <summary>The registered child modules with their names.</summary>
    public IReadOnlyList<(string Name, IModule<T> Module)> Children => children;

    /// <inheritdoc/>
    public IEnumerable<Tensor<T>> Parameters() => NamedParameters().Select(p => p.Parameter);

    /// <inheritdoc/>
    public IEnumerable<(string Name, Tensor<T> Parameter)> NamedParameters()
    {
        foreach (var p in parameters) yield return p;
        foreach (var (name, child) in children)
            foreach (var (sub, t) in child.NamedParameters()) yield return (name + "." + sub, t);
    }

    /// <inheritdoc/>
    public void ZeroGrad()
    {
        foreach (var p in Parameters()) p.Grad = null;
    }
}
