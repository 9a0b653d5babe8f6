using System.Numerics;
using System.Numerics.Tensors;
using Verify.Networks.Autodiff;
using Verify.Networks.Native;

namespace Verify.Networks.Tensors;

/// <summary>Element-wise ops (forward kernels; backward rules in <see cref="Derivatives"/>).</summary>
public static partial class Tensor
{
    internal delegate void UnaryKernel<T>(ReadOnlySpan<T> x, Span<T> y);

    /// <summary>y = kernel(x), split over the cores for large tensors (<see cref="Parallelism.Elementwise{TState}"/>).</summary>
    internal static Tensor<T> Map<T>(Tensor<T> x, UnaryKernel<T> kernel) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = Empty<T>(x.shape);
        Parallelism.Elementwise(x.Length, (kernel, x.data, y.data), static (s, lo, n) => s.kernel(s.Item2.AsSpan(lo, n), s.Item3.AsSpan(lo, n)));
        return y;
    }

    /// <summary>y = kernel(x, s) for a scalar s, split over the cores for large tensors.</summary>
    internal static Tensor<T> MapScalar<T>(Tensor<T> x, T s, ScalarKernel<T> kernel) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = Empty<T>(x.shape);
        Parallelism.Elementwise(x.Length, (kernel, x.data, s, y.data), static (st, lo, n) => st.kernel(st.Item2.AsSpan(lo, n), st.s, st.Item4.AsSpan(lo, n)));
        return y;
    }

    internal delegate void ScalarKernel<T>(ReadOnlySpan<T> x, T s, Span<T> y);

    internal static Tensor<T> BinaryRaw<T>(BinaryOp op, Tensor<T> a, Tensor<T> b, string name) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (ShapeOps.Same(a.shape, b.shape))
        {
            var y = Empty<T>(a.shape);
            Parallelism.Elementwise(y.Length, (op, a.data, b.data, y.data),
                static (s, lo, n) => Kernels.Binary(s.op, s.Item2.AsSpan(lo, n), s.Item3.AsSpan(lo, n), s.Item4.AsSpan(lo, n)));
            return y;
        }
        var shape = ShapeOps.Broadcast(a.shape, b.shape, name);
        var r = Empty<T>(shape);
        if (b.Length == 1 && r.Length == a.Length)
            Parallelism.Elementwise(r.Length, (op, a.data, b.data[0], r.data),
                static (s, lo, n) => Kernels.Binary(s.op, s.Item2.AsSpan(lo, n), s.Item3, s.Item4.AsSpan(lo, n)));
        else if (a.Length == 1 && r.Length == b.Length)
            Parallelism.Elementwise(r.Length, (op, a.data[0], b.data, r.data),
                static (s, lo, n) => Kernels.Binary(s.op, s.Item2, s.Item3.AsSpan(lo, n), s.Item4.AsSpan(lo, n)));
        else if (shape.Length > 2)
            Strided.Binary(op, a.data, ShapeOps.BroadcastStrides(a.shape, shape), b.data, ShapeOps.BroadcastStrides(b.shape, shape), r.data, shape);
        else
        {
            var (ars, acs) = ShapeOps.Strides(a.shape, r.Rows, r.Cols);
            var (brs, bcs) = ShapeOps.Strides(b.shape, r.Rows, r.Cols);
            Kernels.Broadcast(op, a.Span, ars, acs, b.Span, brs, bcs, r.Span, r.Rows, r.Cols);
        }
        return r;
    }

    /// <summary>a + b with broadcasting.</summary>
    public static Tensor<T> Add<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = BinaryRaw(BinaryOp.Add, a, b, "add");
        return Needs(a, b) ? Record(y, "add", Derivatives.Add(a, b), a, b) : y;
    }

    /// <summary>a − b with broadcasting.</summary>
    public static Tensor<T> Sub<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = BinaryRaw(BinaryOp.Sub, a, b, "sub");
        return Needs(a, b) ? Record(y, "sub", Derivatives.Sub(a, b), a, b) : y;
    }

    /// <summary>a ⊙ b with broadcasting.</summary>
    public static Tensor<T> Mul<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = BinaryRaw(BinaryOp.Mul, a, b, "mul");
        return Needs(a, b) ? Record(y, "mul", Derivatives.Mul(a, b), a, b) : y;
    }

    /// <summary>a ⊘ b with broadcasting.</summary>
    public static Tensor<T> Div<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = BinaryRaw(BinaryOp.Div, a, b, "div");
        return Needs(a, b) ? Record(y, "div", Derivatives.Div(a, b, y), a, b) : y;
    }

    /// <summary>−x.</summary>
    public static Tensor<T> Neg<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = Map(x, static (s, d) => TensorPrimitives.Negate(s, d));
        return Needs(x) ? Record(y, "neg", Derivatives.Neg<T>(), x) : y;
    }

    /// <summary>x + s.</summary>
    public static Tensor<T> AddScalar<T>(Tensor<T> x, T s) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = MapScalar(x, s, static (a, v, d) => TensorPrimitives.Add(a, v, d));
        return Needs(x) ? Record(y, "add_scalar", Derivatives.AddScalar<T>(), x) : y;
    }

    /// <summary>s·x.</summary>
    public static Tensor<T> MulScalar<T>(Tensor<T> x, T s) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = MapScalar(x, s, static (a, v, d) => TensorPrimitives.Multiply(a, v, d));
        return Needs(x) ? Record(y, "mul_scalar", Derivatives.MulScalar<T>(s), x) : y;
    }

    /// <summary>s − x.</summary>
    public static Tensor<T> RSubScalar<T>(T s, Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = MapScalar(x, s, static (a, v, d) => TensorPrimitives.Subtract(v, a, d));
        return Needs(x) ? Record(y, "rsub_scalar", Derivatives.Neg<T>(), x) : y;
    }

    /// <summary>s / x.</summary>
    public static Tensor<T> RDivScalar<T>(T s, Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = MapScalar(x, s, static (a, v, d) => TensorPrimitives.Divide(v, a, d));
        return Needs(x) ? Record(y, "rdiv_scalar", Derivatives.RDivScalar(x, y), x) : y;
    }

    /// <summary>eˣ.</summary>
    public static Tensor<T> Exp<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = Map(x, static (s, d) => TensorPrimitives.Exp(s, d));
        return Needs(x) ? Record(y, "exp", Derivatives.Exp(y), x) : y;
    }

    /// <summary>ln x.</summary>
    public static Tensor<T> Log<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = Map(x, static (s, d) => TensorPrimitives.Log(s, d));
        return Needs(x) ? Record(y, "log", Derivatives.Log(x), x) : y;
    }

    /// <summary>√x.</summary>
    public static Tensor<T> Sqrt<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = Map(x, static (s, d) => TensorPrimitives.Sqrt(s, d));
        return Needs(x) ? Record(y, "sqrt", Derivatives.Sqrt(y), x) : y;
    }

    /// <summary>x².</summary>
    public static Tensor<T> Square<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = Map(x, static (s, d) => TensorPrimitives.Multiply(s, s, d));
        return Needs(x) ? Record(y, "square", Derivatives.Square(x), x) : y;
    }

    /// <summary>xᵖ for a scalar exponent p.</summary>
    public static Tensor<T> Pow<T>(Tensor<T> x, T p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = MapScalar(x, p, static (a, v, d) => TensorPrimitives.Pow(a, v, d));
        return Needs(x) ? Record(y, "pow", Derivatives.Pow(x, p), x) : y;
    }

    /// <summary>|x| (gradient sign(x), a constant in the backward graph).</summary>
    public static Tensor<T> Abs<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = Map(x, static (s, d) => TensorPrimitives.Abs(s, d));
        return Needs(x) ? Record(y, "abs", Derivatives.Abs(x), x) : y;
    }

    /// <summary>1/x where x ≠ 0 and 0 where x = 0 (used by the norm's safe gradient).</summary>
    public static Tensor<T> SafeReciprocal<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = Empty<T>(x.shape);
        var xs = x.Span; var ys = y.Span;
        for (int i = 0; i < xs.Length; i++) ys[i] = T.IsZero(xs[i]) ? T.Zero : T.One / xs[i];
        return Needs(x) ? Record(y, "safe_reciprocal", Derivatives.SafeReciprocal(y), x) : y;
    }

    /// <summary>max(x, 0); the mask (x &gt; 0) is a constant in the backward graph.</summary>
    public static Tensor<T> Relu<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = MapScalar(x, T.Zero, static (a, v, d) => TensorPrimitives.Max(a, v, d));
        return Needs(x) ? Record(y, "relu", Derivatives.Relu(x), x) : y;
    }

    /// <summary>x for x &gt; 0, slope·x otherwise; the slope mask is a constant in the backward graph.</summary>
    public static Tensor<T> LeakyRelu<T>(Tensor<T> x, T slope) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = MapScalar(x, slope, static (a, v, d) => Kernels.MaskedScale(a, a, v, d));
        return Needs(x) ? Record(y, "leaky_relu", Derivatives.LeakyRelu(x, slope), x) : y;
    }

    /// <summary>tanh x.</summary>
    public static Tensor<T> Tanh<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = Map(x, static (s, d) => TensorPrimitives.Tanh(s, d));
        return Needs(x) ? Record(y, "tanh", Derivatives.Tanh(y), x) : y;
    }

    /// <summary>σ(x) = 1/(1 + e⁻ˣ).</summary>
    public static Tensor<T> Sigmoid<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = Map(x, static (s, d) => SigmoidKernel(s, d));
        return Needs(x) ? Record(y, "sigmoid", Derivatives.Sigmoid(y), x) : y;
    }

    /// <summary>softplus(x) = ln(1 + eˣ), computed stably as max(x, 0) + ln(1 + e^(−|x|)).</summary>
    public static Tensor<T> Softplus<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = Empty<T>(x.shape);
        var xs = x.Span; var ys = y.Span;
        for (int i = 0; i < xs.Length; i++) ys[i] = T.Max(xs[i], T.Zero) + T.LogP1(T.Exp(-T.Abs(xs[i])));
        return Needs(x) ? Record(y, "softplus", Derivatives.Softplus(x), x) : y;
    }

    /// <summary>
    /// Element-wise binary cross-entropy with logits x and targets z: max(x, 0) − x·z + ln(1 + e^(−|x|)) (stable for all x).
    /// Shapes must match. Differentiable in both x and z.
    /// </summary>
    public static Tensor<T> BceWithLogits<T>(Tensor<T> x, Tensor<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!ShapeOps.Same(x.shape, z.shape))
            throw new ArgumentException($"BceWithLogits: logits {ShapeOps.Show(x.shape)} and targets {ShapeOps.Show(z.shape)} must have the same shape", nameof(z));
        var y = Empty<T>(x.shape);
        var xs = x.Span; var zs = z.Span; var ys = y.Span;
        for (int i = 0; i < xs.Length; i++) ys[i] = T.Max(xs[i], T.Zero) - xs[i] * zs[i] + T.LogP1(T.Exp(-T.Abs(xs[i])));
        return Needs(x, z) ? Record(y, "bce_with_logits", Derivatives.BceWithLogits(x, z), x, z) : y;
    }

    /// <summary>min(max(x, lo), hi); gradient 1 inside [lo, hi], 0 outside (a constant mask).</summary>
    public static Tensor<T> Clamp<T>(Tensor<T> x, T lo, T hi) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (lo > hi) throw new ArgumentException($"Clamp: lo = {lo} exceeds hi = {hi}", nameof(lo));
        var y = Empty<T>(x.shape);
        TensorPrimitives.Clamp(x.Span, lo, hi, y.Span);
        return Needs(x) ? Record(y, "clamp", Derivatives.Clamp(x, lo, hi), x) : y;
    }

    /// <summary>max(x, s) element-wise; gradient 1 where x &gt; s (a constant mask).</summary>
    public static Tensor<T> Maximum<T>(Tensor<T> x, T s) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = MapScalar(x, s, static (a, v, d) => TensorPrimitives.Max(a, v, d));
        return Needs(x) ? Record(y, "maximum", Derivatives.Maximum(x, s), x) : y;
    }

    /// <summary>min(x, s) element-wise; gradient 1 where x &lt; s (a constant mask).</summary>
    public static Tensor<T> Minimum<T>(Tensor<T> x, T s) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = MapScalar(x, s, static (a, v, d) => TensorPrimitives.Min(a, v, d));
        return Needs(x) ? Record(y, "minimum", Derivatives.Minimum(x, s), x) : y;
    }

    /// <summary>
    /// g ⊙ (x &gt; 0 ? 1 : slope): the backward of ReLU (slope 0) and LeakyReLU. Linear in g; the mask from x is a
    /// constant (x is not an input of the recorded op), so its second derivative through the mask is 0.
    /// </summary>
    public static Tensor<T> MaskedScale<T>(Tensor<T> g, Tensor<T> x, T slope) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!ShapeOps.Same(g.shape, x.shape))
            throw new ArgumentException($"MaskedScale: gradient {ShapeOps.Show(g.shape)} and mask source {ShapeOps.Show(x.shape)} must have the same shape", nameof(g));
        var y = Empty<T>(g.shape);
        Parallelism.Elementwise(y.Length, (g.data, x.data, slope, y.data),
            static (s, lo, n) => Kernels.MaskedScale(s.Item1.AsSpan(lo, n), s.Item2.AsSpan(lo, n), s.slope, s.Item4.AsSpan(lo, n)));
        return Needs(g) ? Record(y, "masked_scale", Derivatives.MaskedScale(x, slope), g) : y;
    }

    internal static void SigmoidKernel<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // σ(x) = 1/(1 + e^(−x)); TensorPrimitives.Sigmoid computes exactly this, vectorised.
        TensorPrimitives.Sigmoid(x, y);
    }

    /// <summary>A constant (unrecorded) tensor with value f(xᵢ) — used for masks in backward rules.</summary>
    internal static Tensor<T> ConstMap<T>(Tensor<T> x, Func<T, T> f) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = Empty<T>(x.shape);
        var xs = x.Span; var ys = y.Span;
        for (int i = 0; i < xs.Length; i++) ys[i] = f(xs[i]);
        return y;
    }
}
