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
        var r = ConvGemm(cols, Reshape(weight, o, g.PatchSize), bias, n, g);             // [N, O, OH, OW]
        if (r.Node is null) ReleaseTemporaries(cols); // unrecorded: nothing else holds it
        return r;
    }

    /// <summary>
    /// The product of a convolution, cols·Wᵀ + b ([N·OH·OW, O] rows), written by the GEMM straight into NCHW
    /// [N, O, OH, OW] (no separate permute pass); the bias is preloaded into the output, as in <see cref="Linear{T}"/>,
    /// so the values are bit-identical to Linear followed by the permute. Backward: <see cref="Derivatives.ConvGemm{T}"/>.
    /// </summary>
    private static Tensor<T> ConvGemm<T>(Tensor<T> cols, Tensor<T> w, Tensor<T>? bias, int batch, Conv2dGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int o = w.Rows, windows = g.Windows;
        var y = Empty<T>([batch, o, g.OutH, g.OutW]);
        if (bias is not null)
            for (int n = 0; n < batch; n++)
                for (int c = 0; c < o; c++) y.Span.Slice((n * o + c) * windows, windows).Fill(bias.data[c]);
        Gemm.RunBlockedRows(false, true, batch * windows, o, g.PatchSize, T.One, cols.Span, w.Span, bias is null ? T.Zero : T.One, y.Span, windows);
        bool needs = (cols.RequiresGrad || w.RequiresGrad || (bias?.RequiresGrad ?? false)) && GradMode.Enabled;
        if (!needs) return y;
        return bias is null ? Record(y, "conv2d_gemm", Derivatives.ConvGemm(cols, w, null, batch, windows), cols, w)
                            : Record(y, "conv2d_gemm", Derivatives.ConvGemm(cols, w, bias, batch, windows), cols, w, bias);
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
        bool recorded = (x.RequiresGrad || weight.RequiresGrad || (bias?.RequiresGrad ?? false)) && GradMode.Enabled;
        if (!recorded) return ConvTranspose2dUnrecorded(x, weight, bias, g);
        var pixels = Reshape(Permute(Reshape(x, n, cin, h * w), 0, 2, 1), n * h * w, cin);
        var cols = MatMul(pixels, Reshape(weight, cin, g.PatchSize));
        var y = Col2Im(cols, g, n);
        var r = bias is null ? y : Add(y, Reshape(bias, 1, cout, 1, 1));
        if (r.Node is null) ReleaseTemporaries(pixels, cols, bias is null ? null : y); // unrecorded: nothing else holds them
        return r;
    }

    /// <summary>
    /// ConvTranspose2d when nothing is recorded (e.g. a generator's forward under NoGrad): each image's Im2Col-shaped
    /// product xₙᵀ·W' ([H·W, Cin]·[Cin, Cout·kH·kW]) is one GEMM reading xₙ [Cin, H·W] transposed in place, so the pixels
    /// are never permuted into rows; images run in parallel, one single-threaded product each. Every entry is the same sum
    /// in the same order as in the whole-batch product of the recorded path, so the values are bit-identical to it.
    /// </summary>
    private static Tensor<T> ConvTranspose2dUnrecorded<T>(Tensor<T> x, Tensor<T> weight, Tensor<T>? bias, Conv2dGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = x.shape[0], cin = x.shape[1], hw = x.shape[2] * x.shape[3], patch = g.PatchSize;
        var cols = Empty<T>([n * hw, patch]);
        var (xd, wd, cd) = (x.data, weight.data, cols.data);
        if (Gemm.Backend == "managed")
            Parallelism.For(n, (long)n * hw * patch * cin, i =>
                ManagedGemm.Run(true, false, hw, patch, cin, T.One, xd.AsSpan(i * cin * hw, cin * hw), wd.AsSpan(0, cin * patch), T.Zero,
                    cd.AsSpan(i * hw * patch, hw * patch), maxThreads: 1));
        else
            for (int i = 0; i < n; i++)
                Gemm.Run(true, false, hw, patch, cin, T.One, xd.AsSpan(i * cin * hw, cin * hw), wd.AsSpan(0, cin * patch), T.Zero, cd.AsSpan(i * hw * patch, hw * patch));
        var y = Col2Im(cols, g, n);
        var r = bias is null ? y : Add(y, Reshape(bias, 1, g.Channels, 1, 1));
        ReleaseTemporaries(cols, bias is null ? null : y);
        return r;
    }

    /// <summary>Returns the buffers of an unrecorded op's intermediate tensors to the pool (never inputs or outputs).</summary>
    private static void ReleaseTemporaries<T>(params Tensor<T>?[] temporaries) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var t in temporaries)
            if (t is not null) TensorPool<T>.Return(t.data);
    }
}
