using System.Numerics;
using System.Numerics.Tensors;
using Verify.Networks.Tensors;

namespace Verify.Networks.Native;

/// <summary>
/// N-dimensional (rank ≥ 3) kernels over contiguous row-major arrays: broadcasting binary ops, sums back to a broadcast
/// shape, broadcasts, and permutations. Each loop is first coalesced (<see cref="ShapeOps.Coalesce"/>), so the innermost
/// dimension runs as one vectorised span operation.
/// </summary>
internal static class Strided
{
    /// <summary>o (contiguous, <paramref name="shape"/>) = a ∘ b, with a and b read through broadcast strides.</summary>
    public static void Binary<T>(BinaryOp op, T[] a, int[] aStrides, T[] b, int[] bStrides, T[] o, int[] shape)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (dims, st) = ShapeOps.Coalesce(shape, ShapeOps.ContiguousStrides(shape), aStrides, bStrides);
        int n = dims[^1], sa = st[1][^1], sb = st[2][^1];
        ShapeOps.ForOuter(dims, st, off =>
        {
            var os = o.AsSpan(off[0], n);
            if (sa == 1 && sb == 1) Kernels.Binary(op, a.AsSpan(off[1], n), b.AsSpan(off[2], n), os);
            else if (sa == 1) Kernels.Binary(op, a.AsSpan(off[1], n), b[off[2]], os);
            else if (sb == 1) Kernels.Binary(op, a[off[1]], b.AsSpan(off[2], n), os);
            else
            {
                T x = a[off[1]], y = b[off[2]];
                os.Fill(op switch { BinaryOp.Add => x + y, BinaryOp.Sub => x - y, BinaryOp.Mul => x * y, _ => x / y });
            }
        });
    }

    /// <summary>y (shape <paramref name="yShape"/>, broadcastable to x's) = x summed over the broadcast dimensions.</summary>
    public static void SumTo<T>(T[] x, int[] xShape, T[] y, int[] yShape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = ShapeOps.Count(yShape);
        y.AsSpan(0, count).Clear();
        var (dims, st) = ShapeOps.Coalesce(xShape, ShapeOps.ContiguousStrides(xShape), ShapeOps.BroadcastStrides(yShape, xShape));
        int n = dims[^1], sy = st[1][^1];
        ShapeOps.ForOuter(dims, st, off =>
        {
            var xs = x.AsSpan(off[0], n);
            if (sy == 1) TensorPrimitives.Add(y.AsSpan(off[1], n), xs, y.AsSpan(off[1], n));
            else y[off[1]] += TensorPrimitives.Sum<T>(xs);
        });
    }

    /// <summary>y (contiguous, <paramref name="yShape"/>) = x repeated along its broadcast dimensions.</summary>
    public static void BroadcastTo<T>(T[] x, int[] xShape, T[] y, int[] yShape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (dims, st) = ShapeOps.Coalesce(yShape, ShapeOps.ContiguousStrides(yShape), ShapeOps.BroadcastStrides(xShape, yShape));
        int n = dims[^1], sx = st[1][^1];
        ShapeOps.ForOuter(dims, st, off =>
        {
            var ys = y.AsSpan(off[0], n);
            if (sx == 1) x.AsSpan(off[1], n).CopyTo(ys);
            else ys.Fill(x[off[1]]);
        });
    }

    /// <summary>
    /// y = x with its axes permuted: y's axis k is x's axis perm[k]. Contiguous runs are copied; a batched 2-D transpose
    /// (the NCHW ↔ NHWC pattern) goes tile by tile so both sides stay in cache.
    /// </summary>
    public static void Permute<T>(T[] x, int[] xShape, int[] perm, T[] y) where T : unmanaged
    {
        int rank = xShape.Length;
        var yShape = new int[rank];
        var xStrides = ShapeOps.ContiguousStrides(xShape);
        var inStrides = new int[rank];
        for (int k = 0; k < rank; k++)
        {
            yShape[k] = xShape[perm[k]];
            inStrides[k] = xStrides[perm[k]];
        }
        var (dims, st) = ShapeOps.Coalesce(yShape, ShapeOps.ContiguousStrides(yShape), inStrides);
        int d = dims.Length, n = dims[^1], sx = st[1][^1];
        if (sx == 1)
        {
            ShapeOps.ForOuter(dims, st, off => x.AsSpan(off[1], n).CopyTo(y.AsSpan(off[0], n)));
            return;
        }
        if (d >= 2 && st[1][d - 2] == 1)
        {
            // y[p, q] = x[p + q·sx] for a P×Q block: a transpose of x's Q×P block with row stride sx.
            int p = dims[d - 2];
            var outer = dims[..^1];
            var outerStrides = st.Select(s => s[..^1]).ToArray();
            ShapeOps.ForOuter(outer, outerStrides, off => TransposeBlock(x, off[1], sx, y, off[0], p, n));
            return;
        }
        ShapeOps.ForOuter(dims, st, off =>
        {
            int xi = off[1], yi = off[0];
            for (int j = 0; j < n; j++, xi += sx) y[yi + j] = x[xi];
        });
    }

    /// <summary>y[yo + p·q + j] = x[xo + p + j·sx] for p &lt; rows, j &lt; cols, in 32×32 tiles.</summary>
    private static void TransposeBlock<T>(T[] x, int xo, int sx, T[] y, int yo, int rows, int cols) where T : unmanaged
    {
        const int B = 32;
        for (int p0 = 0; p0 < rows; p0 += B)
        {
            int p1 = Math.Min(rows, p0 + B);
            for (int j0 = 0; j0 < cols; j0 += B)
            {
                int j1 = Math.Min(cols, j0 + B);
                for (int p = p0; p < p1; p++)
                {
                    int yr = yo + p * cols, xc = xo + p;
                    for (int j = j0; j < j1; j++) y[yr + j] = x[xc + j * sx];
                }
            }
        }
    }
}
