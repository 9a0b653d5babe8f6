using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Native;

namespace Verify.Networks.Tensors;

/// <summary>Matrix ops through OpenBLAS GEMM (forward kernels; backward rules in <see cref="Derivatives"/>).</summary>
public static partial class Tensor
{
    /// <summary>
    /// op(a)·op(b), where op transposes when the flag is set (the transpose is passed to BLAS, never materialised).
    /// a and b must be matrices.
    /// </summary>
    public static Tensor<T> MatMul<T>(Tensor<T> a, Tensor<T> b, bool transA = false, bool transB = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Rank != 2 || b.Rank != 2)
            throw new ArgumentException($"MatMul: needs matrices, got {ShapeOps.Show(a.shape)} and {ShapeOps.Show(b.shape)}");
        int m = transA ? a.Cols : a.Rows, k = transA ? a.Rows : a.Cols;
        int kb = transB ? b.Cols : b.Rows, n = transB ? b.Rows : b.Cols;
        if (k != kb)
            throw new ArgumentException($"MatMul: inner dimensions differ: op(a) is {m}×{k}, op(b) is {kb}×{n}");
        var y = Empty<T>([m, n]);
        Gemm.Run(transA, transB, m, n, k, T.One, a.Span, b.Span, T.Zero, y.Span);
        return Needs(a, b) ? Record(y, "matmul", Derivatives.MatMul(a, b, transA, transB), a, b) : y;
    }

    /// <summary>
    /// The affine map of PyTorch's nn.Linear: x·Wᵀ + b, with x of shape [batch, in], W [out, in], b [out] (or null).
    /// One GEMM with the bias preloaded into the output.
    /// </summary>
    public static Tensor<T> Linear<T>(Tensor<T> x, Tensor<T> weight, Tensor<T>? bias = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Rank != 2 || weight.Rank != 2)
            throw new ArgumentException($"Linear: needs x [batch, in] and weight [out, in], got {ShapeOps.Show(x.shape)} and {ShapeOps.Show(weight.shape)}");
        if (x.Cols != weight.Cols)
            throw new ArgumentException($"Linear: x has {x.Cols} features but weight {ShapeOps.Show(weight.shape)} expects {weight.Cols}", nameof(x));
        int m = x.Rows, n = weight.Rows, k = x.Cols;
        if (bias is not null && (bias.Length != n || bias.Rank == 0))
            throw new ArgumentException($"Linear: bias {ShapeOps.Show(bias.shape)} must have {n} values", nameof(bias));
        var y = Empty<T>([m, n]);
        if (bias is not null)
            for (int i = 0; i < m; i++) bias.Span.CopyTo(y.Span.Slice(i * n, n));
        Gemm.Run(false, true, m, n, k, T.One, x.Span, weight.Span, bias is null ? T.Zero : T.One, y.Span);
        if (bias is null) return Needs(x, weight) ? Record(y, "linear", Derivatives.Linear(x, weight, null), x, weight) : y;
        bool needs = (x.RequiresGrad || weight.RequiresGrad || bias.RequiresGrad) && GradMode.Enabled;
        return needs ? Record(y, "linear", Derivatives.Linear(x, weight, bias), x, weight, bias) : y;
    }

    /// <summary>The transpose of a matrix (a copy).</summary>
    public static Tensor<T> Transpose<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Rank != 2) throw new ArgumentException($"Transpose: needs a matrix, got {ShapeOps.Show(x.shape)}", nameof(x));
        int m = x.Rows, n = x.Cols;
        var y = Empty<T>([n, m]);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) y.data[j * m + i] = x.data[i * n + j];
        return Needs(x) ? Record(y, "transpose", Derivatives.Transpose<T>(), x) : y;
    }
}
