using System.Numerics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Layers;

/// <summary>
/// Base class for modules: parameters, buffers and sub-modules are registered explicitly by name, in order; names follow
/// PyTorch (own parameters first, then each child's under "child."). Starts in training mode.
/// </summary>
public abstract class Module<T> : IModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<(string Name, Tensor<T> Parameter)> parameters = [];
    private readonly List<(string Name, Tensor<T> Buffer)> buffers = [];
    private readonly List<(string Name, IModule<T> Module)> children = [];

    /// <inheritdoc/>
    public abstract Tensor<T> Forward(Tensor<T> input);

    /// <summary>Registers a trainable tensor under <paramref name="name"/> (marks it RequiresGrad) and returns it.</summary>
    protected Tensor<T> RegisterParameter(string name, Tensor<T> parameter)
    {
        CheckName(name);
        ArgumentNullException.ThrowIfNull(parameter);
        if (!parameter.IsLeaf) throw new ArgumentException($"parameter \"{name}\" must be a leaf tensor", nameof(parameter));
        parameter.RequiresGrad = true;
        parameters.Add((name, parameter));
        return parameter;
    }

    /// <summary>Registers a buffer (state that is saved but not trained; it never requires grad) and returns it.</summary>
    protected Tensor<T> RegisterBuffer(string name, Tensor<T> buffer)
    {
        CheckName(name);
        ArgumentNullException.ThrowIfNull(buffer);
        if (buffer.RequiresGrad) throw new ArgumentException($"buffer \"{name}\" must not require grad", nameof(buffer));
        buffers.Add((name, buffer));
        return buffer;
    }

    /// <summary>Registers a child module under <paramref name="name"/> and returns it.</summary>
    protected TModule RegisterModule<TModule>(string name, TModule module) where TModule : IModule<T>
    {
        CheckName(name);
        ArgumentNullException.ThrowIfNull(module);
        children.Add((name, module));
        return module;
    }

    private void CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (parameters.Any(p => p.Name == name) || buffers.Any(b => b.Name == name) || children.Any(c => c.Name == name))
            throw new ArgumentException($"a parameter, buffer or module named \"{name}\" is already registered", nameof(name));
    }

    /// <summary>The registered child modules with their names.</summary>
    public IReadOnlyList<(string Name, IModule<T> Module)> Children => children;

    /// <inheritdoc/>
    public IEnumerable<(string Name, IModule<T> Module)> NamedChildren() => children;

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
    public IEnumerable<(string Name, Tensor<T> Buffer)> NamedBuffers()
    {
        foreach (var b in buffers) yield return b;
        foreach (var (name, child) in children)
            foreach (var (sub, t) in child.NamedBuffers()) yield return (name + "." + sub, t);
    }

    /// <inheritdoc/>
    public void ZeroGrad()
    {
        foreach (var p in Parameters()) p.Grad = null;
    }

    /// <inheritdoc/>
    public bool Training { get; private set; } = true;

    /// <inheritdoc/>
    public void Train(bool mode = true)
    {
        Training = mode;
        foreach (var (_, child) in children) child.Train(mode);
    }

    /// <summary>Evaluation mode: the same as <c>Train(false)</c>.</summary>
    public void Eval() => Train(false);
}
