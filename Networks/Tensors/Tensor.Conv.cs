using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Native;

namespace Verify.Networks.Tensors;

/// <summary>
/// Convolutions: the adjoint pair <see cref="Im2Col{T}"/> / <see cref="Col2Im{T}"/> (recorded ops whose backward rules
/// are each other), and <c>Conv2d</c> / <c>ConvTranspose2d</c> composed from them with one GEMM
/// each — so both get first and second derivatives from the rules of their parts.
/// </summary>
public static partial class Tensor
{
    /// <summary>
    /// The windows of a batch of images as rows: x [N, C, H, W] → [N·OH·OW, C·kH·kW] with
    /// row (n·OH + oh)·OW + ow, column (c·kH + i)·kW + j holding x[n, c, oh·sH − pH + i, ow·sW − pW + j] (0 in the padding).
    /// Linear in x; its adjoint is <see cref="Col2Im{T}"/>: ⟨Im2Col(x), Y⟩ = ⟨x, Col2Im(Y)⟩.
    /// </summary>
    public static Tensor<T> Im2Col<T>(Tensor<T> x, Conv2dGeometry geometry) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var g = geometry;
        if (x.Rank != 4 || x.shape[1] != g.Channels || x.shape[2] != g.Height || x.shape[3] != g.Width)
            throw new ArgumentException($"Im2Col: needs images [N, {g.Channels}, {g.Height}, {g.Width}], got {ShapeOps.Show(x.shape)}", nameof(x));
        int n = x.shape[0];
        var y = Empty<T>([checked(n * g.Windows), g.PatchSize]);
        Im2ColKernels.Im2Col(x.data, n, g, y.data);
        return Needs(x) ? Record(y, "im2col", Derivatives.Im2Col<T>(g), x) : y;
    }

    /// <summary>
    /// The adjoint of <see cref="Im2Col{T}"/>: cols [N·OH·OW, C·kH·kW] → images [N, C, H, W], each pixel the sum of the
    /// entries of every window that covers it (overlapping windows add up; padding entries are dropped).
    /// </summary>
    public static Tensor<T> Col2Im<T>(Tensor<T> cols, Conv2dGeometry geometry, int batch) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var g = geometry;
        if (batch < 0) throw new ArgumentException($"Col2Im: batch must be ≥ 0, got {batch}", nameof(batch));
        if (cols.Rank != 2 || cols.Rows != batch * g.Windows || cols.Cols != g.PatchSize)
            throw new ArgumentException($"Col2Im: needs [{batch * g.Windows}, {g.PatchSize}] for {batch} images of {g}, got {ShapeOps.Show(cols.shape)}", nameof(cols));
        var y = Empty<T>([batch, g.Channels, g.Height, g.Width]);
        Im2ColKernels.Col2Im(cols.data, batch, g, y.data);
        return Needs(cols) ? Record(y, "col2im", Derivatives.Col2Im<T>(g), cols) : y;
    }

    /// <summary>
    /// PyTorch's conv2d: x [N, C, H, W], weight [O, C, kH, kW], bias [O] (or null) → [N, O, OH, OW], computed as
    /// Im2Col(x)·W'ᵀ + b with W' the weight as an O × C·kH·kW matrix (one GEMM for the whole batch), then reordered to NCHW.
    /// </summary>
    public static Tensor<T> Conv2d<T>(Tensor<T> x, Tensor<T> weight, Tensor<T>? bias = null, int stride = 1, int padding = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Conv2d(x, weight, bias, (stride, stride), (padding, padding));

    /// <summary>conv2d with separate (height, width) strides and paddings.</summary>
    public static Tensor<T> Conv2d<T>(Tensor<T> x, Tensor<T> weight, Tensor<T>? bias, (int H, int W) stride, (int H, int W) padding)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Rank != 4 || weight.Rank != 4 || weight.shape[1] != x.shape[1])
            throw new ArgumentException($"Conv2d: needs x [N, C, H, W] and weight [O, C, kH, kW] with the same C, got {ShapeOps.Show(x.shape)} and {ShapeOps.Show(weight.shape)}");
        int n = x.shape[0], o = weight.shape[0];
        var g = new Conv2dGeometry(x.shape[1], x.shape[2], x.shape[3], weight.shape[2], weight.shape[3], stride.H, stride.W, padding.H, padding.W);
        if (bias is not null && (bias.Rank != 1 || bias.Length != o))
            throw new ArgumentException($"Conv2d: bias must have shape [{o}], got {ShapeOps.Show(bias.shape)}", nameof(bias));
        var cols = Im2Col(x, g);                                                          // [N·OH·OW, C·kH·kW]
        var y = Linear(cols, Reshape(weight, o, g.PatchSize), bias);                     // [N·OH·OW, O]
        var r = Reshape(Permute(Reshape(y, n, g.Windows, o), 0, 2, 1), n, o, g.OutH, g.OutW);
        if (r.Node is null) ReleaseTemporaries(cols, y); // unrecorded: nothing else holds them
        return r;
    }

    /// <summary>
    /// PyTorch's conv_transpose2d (the adjoint of conv2d in x, plus a bias): x [N, Cin, H, W], weight [Cin, Cout, kH, kW],
    /// bias [Cout] (or null) → [N, Cout, OH, OW] with OH = (H − 1)·sH − 2·pH + kH + outputPaddingH. Computed as
    /// Col2Im(X·W') with X the pixels of x as rows [N·H·W, Cin] and W' the weight as a Cin × Cout·kH·kW matrix.
    /// </summary>
    public static Tensor<T> ConvTranspose2d<T>(Tensor<T> x, Tensor<T> weight, Tensor<T>? bias = null, int stride = 1, int padding = 0, int outputPadding = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
        => ConvTranspose2d(x, weight, bias, (stride, stride), (padding, padding), (outputPadding, outputPadding));

    /// <summary>conv_transpose2d with separate (height, width) strides, paddings and output paddings.</summary>
    public static Tensor<T> ConvTranspose2d<T>(Tensor<T> x, Tensor<T> weight, Tensor<T>? bias, (int H, int W) stride, (int H, int W) padding, (int H, int W) outputPadding)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Rank != 4 || weight.Rank != 4 || weight.shape[0] != x.shape[1])
            throw new ArgumentException($"ConvTranspose2d: needs x [N, Cin, H, W] and weight [Cin, Cout, kH, kW] with the same Cin, got {ShapeOps.Show(x.shape)} and {ShapeOps.Show(weight.shape)}");
        if (outputPadding.H < 0 || outputPadding.W < 0 || outputPadding.H >= Math.Max(stride.H, 1) || outputPadding.W >= Math.Max(stride.W, 1))
            throw new ArgumentException($"ConvTranspose2d: output padding ({outputPadding.H}, {outputPadding.W}) must be ≥ 0 and smaller than the stride ({stride.H}, {stride.W})", nameof(outputPadding));
        int n = x.shape[0], cin = x.shape[1], h = x.shape[2], w = x.shape[3], cout = weight.shape[1], kh = weight.shape[2], kw = weight.shape[3];
        int oh = (h - 1) * stride.H - 2 * padding.H + kh + outputPadding.H, ow = (w - 1) * stride.W - 2 * padding.W + kw + outputPadding.W;
        if (oh < 1 || ow < 1) throw new ArgumentException($"ConvTranspose2d: the output would be {oh}×{ow} for input {h}×{w}", nameof(padding));
        var g = new Conv2dGeometry(cout, oh, ow, kh, kw, stride.H, stride.W, padding.H, padding.W);
        if (g.OutH != h || g.OutW != w) throw new ArgumentException($"ConvTranspose2d: {g} does not give back the input's {h}×{w}", nameof(padding));
        if (bias is not null && (bias.Rank != 1 || bias.Length != cout))
            throw new ArgumentException($"ConvTranspose2d: bias must have shape [{cout}], got {ShapeOps.Show(bias.shape)}", nameof(bias));
        var pixels = Reshape(Permute(Reshape(x, n, cin, h * w), 0, 2, 1), n * h * w, cin);
        var cols = MatMul(pixels, Reshape(weight, cin, g.PatchSize));
        var y = Col2Im(cols, g, n);
        var r = bias is null ? y : Add(y, Reshape(bias, 1, cout, 1, 1));
        if (r.Node is null) ReleaseTemporaries(pixels, cols, bias is null ? null : y); // unrecorded: nothing else holds them
        return r;
    }

    /// <summary>Returns the buffers of an unrecorded op's intermediate tensors to the pool (never inputs or outputs).</summary>
    private static void ReleaseTemporaries<T>(params Tensor<T>?[] temporaries) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var t in temporaries)
            if (t is not null) TensorPool<T>.Return(t.data);
    }
}
