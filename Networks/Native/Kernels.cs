using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Verify.Networks.Native;

/// <summary>The four broadcasting binary operations.</summary>
internal enum BinaryOp { Add, Sub, Mul, Div }

/// <summary>Raw (non-recording) kernels over spans, vectorised through <see cref="TensorPrimitives"/>.</summary>
internal static class Kernels
{
    /// <summary>out = a ∘ b on equal lengths.</summary>
    public static void Binary<T>(BinaryOp op, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> o) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add(a, b, o); break;
            case BinaryOp.Sub: TensorPrimitives.Subtract(a, b, o); break;
            case BinaryOp.Mul: TensorPrimitives.Multiply(a, b, o); break;
            default: TensorPrimitives.Divide(a, b, o); break;
        }
    }

    /// <summary>out = a ∘ s.</summary>
    public static void Binary<T>(BinaryOp op, ReadOnlySpan<T> a, T s, Span<T> o) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add(a, s, o); break;
            case BinaryOp.Sub: TensorPrimitives.Subtract(a, s, o); break;
            case BinaryOp.Mul: TensorPrimitives.Multiply(a, s, o); break;
            default: TensorPrimitives.Divide(a, s, o); break;
        }
    }

    /// <summary>out = s ∘ b.</summary>
    public static void Binary<T>(BinaryOp op, T s, ReadOnlySpan<T> b, Span<T> o) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add(b, s, o); break;
            case BinaryOp.Sub: TensorPrimitives.Subtract(s, b, o); break;
            case BinaryOp.Mul: TensorPrimitives.Multiply(b, s, o); break;
            default: TensorPrimitives.Divide(s, b, o); break;
        }
    }

    /// <summary>
    /// Broadcast a ∘ b into o (rows × cols), where a and b are described by 2-D strides (0 along a broadcast dimension).
    /// </summary>
    public static void Broadcast<T>(BinaryOp op, ReadOnlySpan<T> a, int aRowStride, int aColStride,
        ReadOnlySpan<T> b, int bRowStride, int bColStride, Span<T> o, int rows, int cols) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < rows; i++)
        {
            var orow = o.Slice(i * cols, cols);
            int ai = i * aRowStride, bi = i * bRowStride;
            if (aColStride == 1 && bColStride == 1) Binary(op, a.Slice(ai, cols), b.Slice(bi, cols), orow);
            else if (aColStride == 1) Binary(op, a.Slice(ai, cols), b[bi], orow);
            else if (bColStride == 1) Binary(op, a[ai], b.Slice(bi, cols), orow);
            else
            {
                T v = op switch { BinaryOp.Add => a[ai] + b[bi], BinaryOp.Sub => a[ai] - b[bi], BinaryOp.Mul => a[ai] * b[bi], _ => a[ai] / b[bi] };
                orow.Fill(v);
            }
        }
    }

    /// <summary>Row sums of a rows×cols matrix.</summary>
    public static void SumRows<T>(ReadOnlySpan<T> x, int rows, int cols, Span<T> o) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < rows; i++) o[i] = TensorPrimitives.Sum(x.Slice(i * cols, cols));
    }

    /// <summary>Column sums of a rows×cols matrix.</summary>
    public static void SumCols<T>(ReadOnlySpan<T> x, int rows, int cols, Span<T> o) where T : unmanaged, IFloatingPointIeee754<T>
    {
        o[..cols].Clear();
        for (int i = 0; i < rows; i++) TensorPrimitives.Add(o[..cols], x.Slice(i * cols, cols), o[..cols]);
    }

    /// <summary>
    /// Sums of x viewed as [outer, n, inner] over its middle axis into o [outer, inner]: contiguous rows are summed with
    /// TensorPrimitives.Sum (inner = 1); otherwise the n slices of each outer block are added in order.
    /// </summary>
    public static void SumAxis<T>(ReadOnlySpan<T> x, int outer, int n, int inner, Span<T> o) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int b = 0; b < outer; b++)
        {
            if (inner == 1)
            {
                o[b] = TensorPrimitives.Sum(x.Slice(b * n, n));
                continue;
            }
            var dst = o.Slice(b * inner, inner);
            dst.Clear();
            for (int k = 0; k < n; k++) TensorPrimitives.Add(dst, x.Slice((b * n + k) * inner, inner), dst);
        }
    }

    /// <summary>o = g ⊙ (x &gt; 0 ? 1 : slope), vectorised.</summary>
    public static void MaskedScale<T>(ReadOnlySpan<T> g, ReadOnlySpan<T> x, T slope, Span<T> o) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Length < g.Length || o.Length < g.Length)
            throw new ArgumentException($"MaskedScale: spans of {g.Length}, {x.Length} and {o.Length} values");
        int i = 0, n = g.Length;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<T>.Count)
        {
            // Refs instead of slices (no per-step bounds checks), the slope branch hoisted out of the loop.
            ref T gr = ref MemoryMarshal.GetReference(g), xr = ref MemoryMarshal.GetReference(x), or = ref MemoryMarshal.GetReference(o);
            int w = Vector512<T>.Count;
            if (T.IsZero(slope))
                for (; i <= n - w; i += w)
                {
                    var mask = Vector512.GreaterThan(Vector512.LoadUnsafe(ref xr, (nuint)i), Vector512<T>.Zero);
                    (Vector512.LoadUnsafe(ref gr, (nuint)i) & mask).StoreUnsafe(ref or, (nuint)i);
                }
            else
            {
                var s = Vector512.Create(slope);
                for (; i <= n - w; i += w)
                {
                    var gv = Vector512.LoadUnsafe(ref gr, (nuint)i);
                    var mask = Vector512.GreaterThan(Vector512.LoadUnsafe(ref xr, (nuint)i), Vector512<T>.Zero);
                    Vector512.ConditionalSelect(mask, gv, gv * s).StoreUnsafe(ref or, (nuint)i);
                }
            }
        }
        else if (Vector.IsHardwareAccelerated && n >= Vector<T>.Count)
        {
            var zero = Vector<T>.Zero;
            var s = new Vector<T>(slope);
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count)
            {
                var gv = new Vector<T>(g.Slice(i));
                var mask = Vector.GreaterThan(new Vector<T>(x.Slice(i)), zero);
                Vector.ConditionalSelect(mask, gv, T.IsZero(slope) ? zero : gv * s).CopyTo(o.Slice(i));
            }
        }
        for (; i < n; i++) o[i] = x[i] > T.Zero ? g[i] : T.IsZero(slope) ? T.Zero : g[i] * slope;
    }
}
