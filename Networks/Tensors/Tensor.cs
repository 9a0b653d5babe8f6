using System.Numerics;
using Verify.Networks.Autodiff;

namespace Verify.Networks.Tensors;

/// <summary>
/// A dense, row-major tensor of rank 0 … 8 over <typeparamref name="T"/> (float or double), which may take part in
/// reverse-mode automatic differentiation. Images are NCHW: [batch, channels, height, width].
/// <para>
/// API overview (the engine's front doors):
/// <list type="bullet">
/// <item><see cref="Tensor"/> (static): factories (<c>Tensor.Zeros&lt;T&gt;(m, n)</c>, <c>Tensor.From(data, m, n)</c>,
/// <c>Tensor.Scalar</c>, <c>Tensor.Uniform(rng, …)</c>, <c>Tensor.Normal(rng, …)</c>) and every differentiable op
/// (<c>MatMul(a, b, transA, transB)</c>, <c>Linear(x, W, b)</c>, <c>Add/Sub/Mul/Div</c> with broadcasting, <c>Exp/Log/Sqrt/Pow/Square/Abs</c>,
/// <c>Relu/LeakyRelu/Tanh/Sigmoid/Softplus/BceWithLogits</c>, <c>Sum/Mean/Sum(axis)/RowNorm/MinAxis/MaxAxis</c>,
/// <c>Sum(axes)/Mean(axes)</c> over any axes, <c>Clamp/Maximum</c>, <c>Concat/Slice/GatherRows/Transpose/Reshape/Permute</c>,
/// <c>Im2Col/Col2Im/Conv2d/ConvTranspose2d</c>). Operators <c>+ − * /</c> and unary <c>−</c>
/// work on tensors and scalars; most ops are also instance methods (<c>x.Relu()</c>, <c>x.Sum()</c>).</item>
/// <item><see cref="Autograd"/>: <c>Autograd.Grad(outputs, inputs, createGraph: true)</c> (gradients that are themselves
/// differentiable), <c>loss.Backward()</c> (accumulates into <see cref="Grad"/> of leaves), <c>using (Autograd.NoGrad()) { … }</c>.
/// Every backward rule lives in <see cref="Derivatives"/> and is written with these same ops.</item>
/// <item><c>Verify.Networks.Layers</c>: <c>IModule&lt;T&gt;</c> (<c>Forward</c>, <c>Parameters()</c>, <c>NamedParameters()</c>,
/// <c>NamedBuffers()</c>, <c>ZeroGrad()</c>, <c>Train()</c>/<c>Eval()</c>), <c>Linear</c>, <c>Conv2d</c>, <c>ConvTranspose2d</c>,
/// <c>LayerNorm</c>, <c>BatchNorm1d/2d</c>, <c>SpectralNormalized</c>, <c>Flatten/Unflatten</c>, <c>ReLU</c>, <c>LeakyReLU</c>,
/// <c>Tanh</c>, <c>Sigmoid</c>, <c>Sequential</c>, <c>Mlp.Build(…)</c>; <c>Verify.Networks.Architectures</c>: the DCGAN pair
/// and the WGAN paper's MLP pair.</item>
/// <item><c>Verify.Networks.Optim</c>: <c>Sgd</c>, <c>RmsProp</c>, <c>Adam</c> (PyTorch's update rules), each with <c>Step()</c>/<c>ZeroGrad()</c>.</item>
/// <item><c>Verify.Networks.Init</c>: <c>Rng</c> (seeded xoshiro256**), <c>Init.KaimingUniform</c>.</item>
/// </list>
/// </para>
/// A rank-1 tensor of length n broadcasts like a 1×n row; a scalar like 1×1. Tensors are treated as immutable by the
/// engine: ops never write into their inputs, and <see cref="Grad"/> tensors may be shared and must not be mutated.
/// </summary>
public sealed class Tensor<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal readonly T[] data;
    internal readonly int[] shape;
    private bool requiresGrad;

    internal Tensor(T[] data, int[] shape)
    {
        this.data = data;
        this.shape = shape;
        Length = ShapeOps.Count(shape);
        if (data.Length < Length)
            throw new ArgumentException($"data has {data.Length} values but shape [{string.Join(", ", shape)}] needs {Length}", nameof(data));
        (Rows, Cols) = ShapeOps.As2D(shape);
    }

    /// <summary>The shape: [] for a scalar, [n] for a vector, [m, n] for a matrix, [n, c, h, w] for a batch of images.</summary>
    public IReadOnlyList<int> Shape => shape;

    /// <summary>Number of dimensions (0 … 8).</summary>
    public int Rank => shape.Length;

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    /// <summary>Rows of the 2-D view (1 for a scalar or a vector; the first dimension otherwise).</summary>
    public int Rows { get; }

    /// <summary>Columns of the 2-D view (n for a vector, 1 for a scalar; the product of all but the first dimension otherwise).</summary>
    public int Cols { get; }

    /// <summary>The values, row-major. Writing through this span bypasses autodiff; do so only on leaves you own.</summary>
    public Span<T> Span => data.AsSpan(0, Length);

    /// <summary>An optional name (parameters carry their PyTorch name, e.g. "0.weight").</summary>
    public string? Name { get; set; }

    /// <summary>The accumulated gradient of a leaf after <see cref="Backward"/>, or null. Treat as read-only.</summary>
    public Tensor<T>? Grad { get; set; }

    /// <summary>The recorded operation that produced this tensor, or null for a leaf (or anything made under NoGrad).</summary>
    internal Node<T>? Node { get; set; }

    /// <summary>True for tensors not produced by a recorded op (parameters, inputs, constants).</summary>
    public bool IsLeaf => Node is null;

    /// <summary>
    /// Whether gradients flow to or through this tensor. Settable on leaves only; a recorded result requires grad.
    /// </summary>
    public bool RequiresGrad
    {
        get => requiresGrad || Node is not null;
        set
        {
            if (Node is not null && !value)
                throw new InvalidOperationException("RequiresGrad cannot be cleared on a recorded (non-leaf) tensor; use Detach()");
            requiresGrad = value;
        }
    }

    /// <summary>The single value of a tensor with one element.</summary>
    public T Item()
    {
        if (Length != 1) throw new InvalidOperationException($"Item() needs a tensor with one element, shape is [{string.Join(", ", shape)}]");
        return data[0];
    }

    /// <summary>Element (i, j) of the 2-D view.</summary>
    [System.Runtime.CompilerServices.IndexerName("At")]
    public T this[int i, int j] => data[i * Cols + j];

    /// <summary>Element i in row-major order.</summary>
    [System.Runtime.CompilerServices.IndexerName("At")]
    public T this[int i] => data[i];

    /// <summary>A copy of the values, row-major.</summary>
    public T[] ToArray() => Span.ToArray();

    /// <summary>The values converted to double, row-major.</summary>
    public double[] ToDoubleArray()
    {
        var r = new double[Length];
        for (int i = 0; i < r.Length; i++) r[i] = double.CreateChecked(data[i]);
        return r;
    }

    /// <summary>A leaf sharing no graph with this tensor (values copied).</summary>
    public Tensor<T> Detach() => new(Span.ToArray(), (int[])shape.Clone());

    /// <summary>Marks this leaf as requiring grad and returns it (fluent).</summary>
    public Tensor<T> RequireGrad()
    {
        RequiresGrad = true;
        return this;
    }

    /// <summary>Back-propagates from this tensor (a scalar unless <paramref name="gradient"/> is given), accumulating into leaves' <see cref="Grad"/>.</summary>
    public void Backward(Tensor<T>? gradient = null, bool createGraph = false) => Autograd.Backward(this, gradient, createGraph);

    public override string ToString()
    {
        int show = Math.Min(Length, 8);
        var values = string.Join(", ", data.Take(show).Select(v => v.ToString()));
        return $"Tensor<{typeof(T).Name}>[{string.Join(", ", shape)}]({values}{(Length > show ? ", …" : "")})";
    }

    public static Tensor<T> operator +(Tensor<T> a, Tensor<T> b) => Tensor.Add(a, b);
    public static Tensor<T> operator -(Tensor<T> a, Tensor<T> b) => Tensor.Sub(a, b);
    public static Tensor<T> operator *(Tensor<T> a, Tensor<T> b) => Tensor.Mul(a, b);
    public static Tensor<T> operator /(Tensor<T> a, Tensor<T> b) => Tensor.Div(a, b);
    public static Tensor<T> operator -(Tensor<T> a) => Tensor.Neg(a);
    public static Tensor<T> operator +(Tensor<T> a, T s) => Tensor.AddScalar(a, s);
    public static Tensor<T> operator +(T s, Tensor<T> a) => Tensor.AddScalar(a, s);
    public static Tensor<T> operator -(Tensor<T> a, T s) => Tensor.AddScalar(a, -s);
    public static Tensor<T> operator -(T s, Tensor<T> a) => Tensor.RSubScalar(s, a);
    public static Tensor<T> operator *(Tensor<T> a, T s) => Tensor.MulScalar(a, s);
    public static Tensor<T> operator *(T s, Tensor<T> a) => Tensor.MulScalar(a, s);
    public static Tensor<T> operator /(Tensor<T> a, T s) => Tensor.MulScalar(a, T.One / s);
    public static Tensor<T> operator /(T s, Tensor<T> a) => Tensor.RDivScalar(s, a);

    // Instance shortcuts for the common ops (the static Tensor class is the reference).
    public Tensor<T> MatMul(Tensor<T> other, bool transA = false, bool transB = false) => Tensor.MatMul(this, other, transA, transB);
    public Tensor<T> Exp() => Tensor.Exp(this);
    public Tensor<T> Log() => Tensor.Log(this);
    public Tensor<T> Sqrt() => Tensor.Sqrt(this);
    public Tensor<T> Square() => Tensor.Square(this);
    public Tensor<T> Pow(T p) => Tensor.Pow(this, p);
    public Tensor<T> Abs() => Tensor.Abs(this);
    public Tensor<T> Relu() => Tensor.Relu(this);
    public Tensor<T> LeakyRelu(T slope) => Tensor.LeakyRelu(this, slope);
    public Tensor<T> Tanh() => Tensor.Tanh(this);
    public Tensor<T> Sigmoid() => Tensor.Sigmoid(this);
    public Tensor<T> Softplus() => Tensor.Softplus(this);
    public Tensor<T> Sum() => Tensor.Sum(this);
    public Tensor<T> Sum(int axis, bool keepDim = false) => Tensor.Sum(this, axis, keepDim);
    public Tensor<T> Mean() => Tensor.Mean(this);
    public Tensor<T> Mean(int axis, bool keepDim = false) => Tensor.Mean(this, axis, keepDim);
    public Tensor<T> RowNorm(bool keepDim = false) => Tensor.RowNorm(this, keepDim);
    public Tensor<T> Clamp(T min, T max) => Tensor.Clamp(this, min, max);
    public Tensor<T> Transpose() => Tensor.Transpose(this);
    public Tensor<T> Reshape(params int[] newShape) => Tensor.Reshape(this, newShape);
    public Tensor<T> Permute(params int[] perm) => Tensor.Permute(this, perm);
}
