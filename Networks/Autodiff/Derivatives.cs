using System.Numerics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Autodiff;

/// <summary>
/// THE table of backward rules (in the spirit of PyTorch's derivatives.yaml). Each entry returns, for the gradient g of
/// an op's output, the gradient of each input — written only with differentiable <see cref="Tensor"/> ops, so that
/// running a rule with recording on (<c>createGraph: true</c>) yields gradients that are graph nodes themselves and can
/// be differentiated again. Masks of piecewise-linear ops (ReLU, LeakyReLU, |x|, clamp, min/max selection) are constant
/// tensors: their second derivative is 0 almost everywhere. Rules return null for inputs that do not require grad.
/// Gradients of broadcast operands are summed back to the operand's shape (<see cref="Tensor.SumTo{T}"/>).
/// </summary>
public static class Derivatives
{
    /// <summary>Whether the running backward pass needs the gradient of input x.</summary>
    private static bool R<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Needed<T>.Contains(x);

    // ---- arithmetic -------------------------------------------------------------------------------------------
    /// <summary>add: (g, g), each summed to its operand's shape.</summary>
    public static BackwardRule<T> Add<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int[] sa = a.shape, sb = b.shape;
        return g => [R(a) ? Tensor.SumTo(g, sa) : null, R(b) ? Tensor.SumTo(g, sb) : null];
    }

    /// <summary>sub: (g, −g).</summary>
    public static BackwardRule<T> Sub<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int[] sa = a.shape, sb = b.shape;
        return g => [R(a) ? Tensor.SumTo(g, sa) : null, R(b) ? Tensor.SumTo(Tensor.Neg(g), sb) : null];
    }

    /// <summary>mul: (g·b, g·a).</summary>
    public static BackwardRule<T> Mul<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [R(a) ? Tensor.SumTo(Tensor.Mul(g, b), a.shape) : null, R(b) ? Tensor.SumTo(Tensor.Mul(g, a), b.shape) : null];

    /// <summary>div (y = a/b): (g/b, −g·y/b).</summary>
    public static BackwardRule<T> Div<T>(Tensor<T> a, Tensor<T> b, Tensor<T> y) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [R(a) ? Tensor.SumTo(Tensor.Div(g, b), a.shape) : null,
                 R(b) ? Tensor.SumTo(Tensor.Neg(Tensor.Div(Tensor.Mul(g, y), b)), b.shape) : null];

    /// <summary>neg, and s − x: −g.</summary>
    public static BackwardRule<T> Neg<T>() where T : unmanaged, IFloatingPointIeee754<T> => g => [Tensor.Neg(g)];

    /// <summary>x + s: g.</summary>
    public static BackwardRule<T> AddScalar<T>() where T : unmanaged, IFloatingPointIeee754<T> => g => [g];

    /// <summary>s·x: s·g.</summary>
    public static BackwardRule<T> MulScalar<T>(T s) where T : unmanaged, IFloatingPointIeee754<T> => g => [Tensor.MulScalar(g, s)];

    /// <summary>s/x (= y): −g·y/x.</summary>
    public static BackwardRule<T> RDivScalar<T>(Tensor<T> x, Tensor<T> y) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.Neg(Tensor.Div(Tensor.Mul(g, y), x))];

    // ---- smooth element-wise functions --------------------------------------------------------------------------
    /// <summary>exp (y = eˣ): g·y.</summary>
    public static BackwardRule<T> Exp<T>(Tensor<T> y) where T : unmanaged, IFloatingPointIeee754<T> => g => [Tensor.Mul(g, y)];

    /// <summary>log: g/x.</summary>
    public static BackwardRule<T> Log<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> => g => [Tensor.Div(g, x)];

    /// <summary>sqrt (y = √x): g/(2y).</summary>
    public static BackwardRule<T> Sqrt<T>(Tensor<T> y) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.Div(g, Tensor.MulScalar(y, T.CreateChecked(2)))];

    /// <summary>square: 2x·g.</summary>
    public static BackwardRule<T> Square<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.Mul(g, Tensor.MulScalar(x, T.CreateChecked(2)))];

    /// <summary>pow (xᵖ): p·xᵖ⁻¹·g.</summary>
    public static BackwardRule<T> Pow<T>(Tensor<T> x, T p) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.Mul(g, Tensor.MulScalar(Tensor.Pow(x, p - T.One), p))];

    /// <summary>tanh (y): g·(1 − y²).</summary>
    public static BackwardRule<T> Tanh<T>(Tensor<T> y) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.Mul(g, Tensor.RSubScalar(T.One, Tensor.Square(y)))];

    /// <summary>sigmoid (y): g·y·(1 − y).</summary>
    public static BackwardRule<T> Sigmoid<T>(Tensor<T> y) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.Mul(g, Tensor.Mul(y, Tensor.RSubScalar(T.One, y)))];

    /// <summary>softplus: g·σ(x).</summary>
    public static BackwardRule<T> Softplus<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.Mul(g, Tensor.Sigmoid(x))];

    /// <summary>BCE with logits ℓ(x, z) = max(x,0) − x·z + ln(1 + e^(−|x|)): ∂ℓ/∂x = σ(x) − z, ∂ℓ/∂z = −x.</summary>
    public static BackwardRule<T> BceWithLogits<T>(Tensor<T> x, Tensor<T> z) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [R(x) ? Tensor.Mul(g, Tensor.Sub(Tensor.Sigmoid(x), z)) : null, R(z) ? Tensor.Neg(Tensor.Mul(g, x)) : null];

    /// <summary>safe reciprocal (y = 1/x, 0 at 0): −g·y².</summary>
    public static BackwardRule<T> SafeReciprocal<T>(Tensor<T> y) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.Neg(Tensor.Mul(g, Tensor.Square(y)))];

    // ---- piecewise-linear functions: constant masks ------------------------------------------------------------------
    /// <summary>relu: g·[x &gt; 0] (one fused pass, <see cref="Tensor.MaskedScale{T}"/>).</summary>
    public static BackwardRule<T> Relu<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.MaskedScale(g, x, T.Zero)];

    /// <summary>leaky_relu: g·(x &gt; 0 ? 1 : slope).</summary>
    public static BackwardRule<T> LeakyRelu<T>(Tensor<T> x, T slope) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.MaskedScale(g, x, slope)];

    /// <summary>masked_scale (y = g·(x &gt; 0 ? 1 : slope), linear in g; x is a constant): the same mask applied to the gradient.</summary>
    public static BackwardRule<T> MaskedScale<T>(Tensor<T> x, T slope) where T : unmanaged, IFloatingPointIeee754<T>
        => gg => [Tensor.MaskedScale(gg, x, slope)];

    /// <summary>abs: g·sign(x).</summary>
    public static BackwardRule<T> Abs<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.Mul(g, Tensor.ConstMap(x, v => v > T.Zero ? T.One : v < T.Zero ? -T.One : T.Zero))];

    /// <summary>clamp: g·[lo ≤ x ≤ hi].</summary>
    public static BackwardRule<T> Clamp<T>(Tensor<T> x, T lo, T hi) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.Mul(g, Tensor.ConstMap(x, v => v >= lo && v <= hi ? T.One : T.Zero))];

    /// <summary>maximum(x, s): g·[x &gt; s].</summary>
    public static BackwardRule<T> Maximum<T>(Tensor<T> x, T s) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.Mul(g, Tensor.ConstMap(x, v => v > s ? T.One : T.Zero))];

    /// <summary>minimum(x, s): g·[x &lt; s].</summary>
    public static BackwardRule<T> Minimum<T>(Tensor<T> x, T s) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.Mul(g, Tensor.ConstMap(x, v => v < s ? T.One : T.Zero))];

    // ---- reductions and broadcasting -------------------------------------------------------------------------------
    /// <summary>sum and sum_to: g broadcast back to x's shape.</summary>
    public static BackwardRule<T> BroadcastBack<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.BroadcastTo(g, x.shape)];

    /// <summary>broadcast_to: g summed back to x's shape.</summary>
    public static BackwardRule<T> SumBack<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.SumTo(g, x.shape)];

    /// <summary>sum over an axis: g (with the axis restored as 1) broadcast back.</summary>
    public static BackwardRule<T> SumAxis<T>(Tensor<T> x, int axis) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.BroadcastTo(Tensor.Reshape(g, KeptShape(x, axis)), x.shape)];

    /// <summary>row norm (y = ‖xᵢ‖ over all but the first axis): g·xᵢ/‖xᵢ‖, with 1/0 taken as 0.</summary>
    public static BackwardRule<T> RowNorm<T>(Tensor<T> x, Tensor<T> y) where T : unmanaged, IFloatingPointIeee754<T>
        => g =>
        {
            int[] col = Tensor.SampleShape(x);
            return [Tensor.Mul(Tensor.Mul(Tensor.Reshape(g, col), x), Tensor.SafeReciprocal(Tensor.Reshape(y, col)))];
        };

    /// <summary>min / max over an axis: g routed to the selected entries (a constant one-hot mask).</summary>
    public static BackwardRule<T> Select<T>(Tensor<T> x, int axis, Tensor<T> onehot) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.Mul(Tensor.Reshape(g, KeptShape(x, axis)), onehot)];

    /// <summary>x's shape with <paramref name="axis"/> (already non-negative) set to 1.</summary>
    private static int[] KeptShape<T>(Tensor<T> x, int axis) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = (int[])x.shape.Clone();
        s[axis] = 1;
        return s;
    }

    // ---- matrix products -----------------------------------------------------------------------------------------
    /// <summary>
    /// matmul C = op(A)·op(B): ∂op(A) = G·op(B)ᵀ, ∂op(B) = op(A)ᵀ·G, expressed with transpose flags only:
    /// A: G·op(B)ᵀ (or op(B)·Gᵀ when A is transposed); B: op(A)ᵀ·G (or Gᵀ·op(A) when B is transposed).
    /// </summary>
    public static BackwardRule<T> MatMul<T>(Tensor<T> a, Tensor<T> b, bool transA, bool transB) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [
            R(a) ? (transA ? Tensor.MatMul(b, g, transB, true) : Tensor.MatMul(g, b, false, !transB)) : null,
            R(b) ? (transB ? Tensor.MatMul(g, a, true, transA) : Tensor.MatMul(a, g, !transA, false)) : null,
        ];

    /// <summary>linear y = x·Wᵀ + b: ∂x = G·W, ∂W = Gᵀ·x, ∂b = Σ_rows G.</summary>
    public static BackwardRule<T> Linear<T>(Tensor<T> x, Tensor<T> w, Tensor<T>? b) where T : unmanaged, IFloatingPointIeee754<T>
        => g =>
        {
            var gx = R(x) ? Tensor.MatMul(g, w) : null;
            var gw = R(w) ? Tensor.MatMul(g, x, transA: true) : null;
            if (b is null) return [gx, gw];
            return [gx, gw, R(b) ? Tensor.Reshape(Tensor.Sum(g, 0), b.shape) : null];
        };

    /// <summary>transpose: gᵀ.</summary>
    public static BackwardRule<T> Transpose<T>() where T : unmanaged, IFloatingPointIeee754<T> => g => [Tensor.Transpose(g)];

    // ---- shaping ---------------------------------------------------------------------------------------------------
    /// <summary>reshape: g reshaped back.</summary>
    public static BackwardRule<T> Reshape<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.Reshape(g, x.shape)];

    /// <summary>permute: g permuted back (by the inverse permutation).</summary>
    public static BackwardRule<T> Permute<T>(int[] inverse) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.Permute(g, inverse)];

    /// <summary>concat: the matching slice of g for each part.</summary>
    public static BackwardRule<T> Concat<T>(Tensor<T>[] parts, int axis) where T : unmanaged, IFloatingPointIeee754<T>
        => g =>
        {
            var r = new Tensor<T>?[parts.Length];
            int offset = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                int size = axis == 0 ? parts[i].Rows : parts[i].Cols;
                r[i] = R(parts[i]) ? Tensor.Slice(g, axis, offset, size) : null;
                offset += size;
            }
            return r;
        };

    /// <summary>slice: g padded with zeros back to x's extent.</summary>
    public static BackwardRule<T> Slice<T>(Tensor<T> x, int axis, int start) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.Pad(g, axis, start, axis == 0 ? x.Rows : x.Cols)];

    /// <summary>pad: the slice of g where x sits.</summary>
    public static BackwardRule<T> Pad<T>(int axis, int start, int count) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.Slice(g, axis, start, count)];

    // ---- convolutions: the adjoint pair --------------------------------------------------------------------------
    /// <summary>im2col (linear): Col2Im(g), its adjoint.</summary>
    public static BackwardRule<T> Im2Col<T>(Conv2dGeometry geometry) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.Col2Im(g, geometry, g.Rows / geometry.Windows)];

    /// <summary>col2im (linear): Im2Col(g), its adjoint.</summary>
    public static BackwardRule<T> Col2Im<T>(Conv2dGeometry geometry) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.Im2Col(g, geometry)];

    /// <summary>
    /// conv2d (y = conv(x, W) + b, bilinear in x and W): ∂x = conv_transpose(g, W), ∂W = conv2d_weight(g, x),
    /// ∂b = g summed to [1, O, 1, 1].
    /// </summary>
    public static BackwardRule<T> Conv2d<T>(Tensor<T> x, Tensor<T> w, Tensor<T>? b, Conv2dGeometry geometry) where T : unmanaged, IFloatingPointIeee754<T>
        => g =>
        {
            var gx = R(x) ? Tensor.ConvTranspose2dCore(g, w, null, geometry) : null;
            var gw = R(w) ? Tensor.Conv2dWeight(g, x, geometry) : null;
            if (b is null) return [gx, gw];
            return [gx, gw, R(b) ? Tensor.Reshape(Tensor.SumTo(g, [1, g.shape[1], 1, 1]), g.shape[1]) : null];
        };

    /// <summary>
    /// conv_transpose2d (z = conv_transpose(x, W) + b, the adjoint of conv in its input): ∂x = conv(g, W),
    /// ∂W = conv2d_weight(x, g), ∂b = g summed to [1, C, 1, 1].
    /// </summary>
    public static BackwardRule<T> ConvTranspose2d<T>(Tensor<T> x, Tensor<T> w, Tensor<T>? b, Conv2dGeometry geometry) where T : unmanaged, IFloatingPointIeee754<T>
        => g =>
        {
            var gx = R(x) ? Tensor.Conv2dCore(g, w, null, geometry) : null;
            var gw = R(w) ? Tensor.Conv2dWeight(x, g, geometry) : null;
            if (b is null) return [gx, gw];
            return [gx, gw, R(b) ? Tensor.Reshape(Tensor.SumTo(g, [1, geometry.Channels, 1, 1]), geometry.Channels) : null];
        };

    /// <summary>
    /// conv2d_weight (D = conv2d_weight(g, x), bilinear: ⟨D, H⟩ = ⟨g, conv(x, H)⟩ = ⟨conv_transpose(g, H), x⟩):
    /// ∂g = conv(x, H), ∂x = conv_transpose(g, H).
    /// </summary>
    public static BackwardRule<T> Conv2dWeight<T>(Tensor<T> g, Tensor<T> x, Conv2dGeometry geometry) where T : unmanaged, IFloatingPointIeee754<T>
        => h => [R(g) ? Tensor.Conv2dCore(x, h, null, geometry) : null, R(x) ? Tensor.ConvTranspose2dCore(g, h, null, geometry) : null];

    /// <summary>gather_rows: g's rows scatter-added back to their source rows.</summary>
    public static BackwardRule<T> GatherRows<T>(Tensor<T> x, int[] index) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.ScatterAddRows(g, index, x.Rows)];

    /// <summary>scatter_add_rows: g's rows gathered at the indices.</summary>
    public static BackwardRule<T> ScatterAddRows<T>(int[] index) where T : unmanaged, IFloatingPointIeee754<T>
        => g => [Tensor.GatherRows(g, index)];
}
