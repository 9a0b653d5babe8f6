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
    /// Im2Col(x)·W'ᵀ + b with W' the weight as an O × C·kH·kW matrix (one GEMM for the whole batch, written straight into NCHW).
    /// One recorded op whose backward rule is written with <see cref="ConvTranspose2d{T}(Tensor{T}, Tensor{T}, Tensor{T}?, int, int, int)"/>
    /// and the weight product <see cref="Conv2dWeight{T}"/> (<see cref="Derivatives.Conv2d{T}"/>), so no Im2Col matrix is
    /// kept by the graph.
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
        int o = weight.shape[0];
        var g = new Conv2dGeometry(x.shape[1], x.shape[2], x.shape[3], weight.shape[2], weight.shape[3], stride.H, stride.W, padding.H, padding.W);
        if (bias is not null && (bias.Rank != 1 || bias.Length != o))
            throw new ArgumentException($"Conv2d: bias must have shape [{o}], got {ShapeOps.Show(bias.shape)}", nameof(bias));
        return Conv2dCore(x, weight, bias, g);
    }

    /// <summary>
    /// y [N, O, OH, OW] = conv(x, W) + b for a checked geometry: the Im2Col matrix of the batch (gathered by the GEMM into
    /// its packed panels, <see cref="Gemm.RunIm2ColA{T}"/>, never materialised) times W'ᵀ, written straight into NCHW with
    /// the bias preloaded (as in <see cref="Linear{T}"/>).
    /// </summary>
    internal static Tensor<T> Conv2dCore<T>(Tensor<T> x, Tensor<T> w, Tensor<T>? bias, Conv2dGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = x.shape[0], o = w.shape[0], windows = g.Windows;
        var y = Empty<T>([n, o, g.OutH, g.OutW]);
        if (bias is not null)
            for (int i = 0; i < n; i++)
                for (int c = 0; c < o; c++) y.Span.Slice((i * o + c) * windows, windows).Fill(bias.data[c]);
        Gemm.RunIm2ColA(true, o, T.One, x.Span, n, g, w.Span, bias is null ? T.Zero : T.One, y.Span, windows);
        bool needs = (x.RequiresGrad || w.RequiresGrad || (bias?.RequiresGrad ?? false)) && GradMode.Enabled;
        if (!needs) return y;
        return bias is null ? Record(y, "conv2d", Derivatives.Conv2d(x, w, null, g), x, w)
                            : Record(y, "conv2d", Derivatives.Conv2d(x, w, bias, g), x, w, bias);
    }

    /// <summary>
    /// The weight product of a convolution (PyTorch's torch.nn.grad.conv2d_weight): for g [N, O, OH, OW] and x [N, C, H, W],
    /// ∂⟨conv(x, W), g⟩/∂W = g'ᵀ·Im2Col(x) as [O, C, kH, kW], with g' the rows [N·OH·OW, O] of g. Bilinear in (g, x);
    /// backward rule <see cref="Derivatives.Conv2dWeight{T}"/>. Neither g' nor the Im2Col matrix is materialised.
    /// </summary>
    internal static Tensor<T> Conv2dWeight<T>(Tensor<T> g, Tensor<T> x, Conv2dGeometry geo)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = x.shape[0], o = g.shape[1], windows = geo.Windows;
        var dw = Empty<T>([o, geo.Channels, geo.KernelH, geo.KernelW]);
        // g [N, O, OH·OW] is g' [N·OH·OW, O] stored in blocks of OH·OW rows: read in place, never permuted; the windows of x
        // are gathered by the GEMM's packing.
        Gemm.RunIm2ColB(true, o, T.One, g.Span, windows, x.Span, n, geo, T.Zero, dw.Span);
        return Needs(g, x) ? Record(dw, "conv2d_weight", Derivatives.Conv2dWeight(g, x, geo), g, x) : dw;
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
        int h = x.shape[2], w = x.shape[3], cout = weight.shape[1], kh = weight.shape[2], kw = weight.shape[3];
        int oh = (h - 1) * stride.H - 2 * padding.H + kh + outputPadding.H, ow = (w - 1) * stride.W - 2 * padding.W + kw + outputPadding.W;
        if (oh < 1 || ow < 1) throw new ArgumentException($"ConvTranspose2d: the output would be {oh}×{ow} for input {h}×{w}", nameof(padding));
        var g = new Conv2dGeometry(cout, oh, ow, kh, kw, stride.H, stride.W, padding.H, padding.W);
        if (g.OutH != h || g.OutW != w) throw new ArgumentException($"ConvTranspose2d: {g} does not give back the input's {h}×{w}", nameof(padding));
        if (bias is not null && (bias.Rank != 1 || bias.Length != cout))
            throw new ArgumentException($"ConvTranspose2d: bias must have shape [{cout}], got {ShapeOps.Show(bias.shape)}", nameof(bias));
        return ConvTranspose2dCore(x, weight, bias, g);
    }

    /// <summary>
    /// conv_transpose2d for a checked geometry <paramref name="g"/> (images of the output size, with the input's size as
    /// its windows): z [N, C, OH', OW'] = Col2Im(xₙᵀ·W') + b, the adjoint of <see cref="Conv2dCore{T}"/> in its input.
    /// The Im2Col-shaped product X·W' ([N·H·W, Cin]·[Cin, C·kH·kW], a pooled temporary) is one GEMM that reads the pixel
    /// rows X of x [N, Cin, H, W] in place (<see cref="Gemm.RunBlockedA{T}"/>), so they are never permuted; every entry is
    /// the same sum in the same order as with the permuted rows. Backward rule <see cref="Derivatives.ConvTranspose2d{T}"/>.
    /// </summary>
    internal static Tensor<T> ConvTranspose2dCore<T>(Tensor<T> x, Tensor<T> weight, Tensor<T>? bias, Conv2dGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = x.shape[0], cin = x.shape[1], hw = x.shape[2] * x.shape[3], patch = g.PatchSize;
        int rows = checked(n * hw);
        var cd = TensorPool<T>.Rent(checked(rows * patch));
        Gemm.RunBlockedA(false, false, rows, patch, cin, T.One, x.Span, weight.data.AsSpan(0, cin * patch), T.Zero, cd.AsSpan(0, rows * patch), hw);
        var z = Empty<T>([n, g.Channels, g.Height, g.Width]);
        Im2ColKernels.Col2Im(cd, n, g, z.data);
        TensorPool<T>.Return(cd);
        if (bias is not null)
        {
            int plane = g.Height * g.Width;
            for (int i = 0; i < n; i++)
                for (int c = 0; c < g.Channels; c++)
                    System.Numerics.Tensors.TensorPrimitives.Add(z.Span.Slice((i * g.Channels + c) * plane, plane), bias.data[c], z.Span.Slice((i * g.Channels + c) * plane, plane));
        }
        bool needs = (x.RequiresGrad || weight.RequiresGrad || (bias?.RequiresGrad ?? false)) && GradMode.Enabled;
        if (!needs) return z;
        return bias is null ? Record(z, "conv_transpose2d", Derivatives.ConvTranspose2d(x, weight, null, g), x, weight)
                            : Record(z, "conv_transpose2d", Derivatives.ConvTranspose2d(x, weight, bias, g), x, weight, bias);
    }
}
