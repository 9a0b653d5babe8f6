using System.Numerics;
using Verify.Networks.Autodiff;

namespace Verify.Networks.Tensors;

/// <summary>Reshaping, concatenation, slicing and row gathers (forward kernels; backward rules in <see cref="Derivatives"/>).</summary>
public static partial class Tensor
{
    /// <summary>The same values with another shape of equal size (shares storage; tensors are immutable by convention).</summary>
    public static Tensor<T> Reshape<T>(Tensor<T> x, params int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = (int[])shape.Clone();
        if (ShapeOps.Count(s) != x.Length)
            throw new ArgumentException($"Reshape: {ShapeOps.Show(x.shape)} has {x.Length} values, {ShapeOps.Show(s)} needs {ShapeOps.Count(s)}", nameof(shape));
        var y = new Tensor<T>(x.data, s);
        return Needs(x) ? Record(y, "reshape", Derivatives.Reshape(x), x) : y;
    }

    /// <summary>
    /// The axes reordered (numpy's transpose, PyTorch's permute): axis k of the result is axis perm[k] of x, so
    /// Permute(x, 0, 2, 3, 1) turns NCHW into NHWC. A copy; the gradient is the inverse permutation of g.
    /// </summary>
    public static Tensor<T> Permute<T>(Tensor<T> x, params int[] perm) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(perm);
        if (perm.Length != x.Rank)
            throw new ArgumentException($"Permute: {perm.Length} axes given for a tensor of rank {x.Rank} ({ShapeOps.Show(x.shape)})", nameof(perm));
        var p = new int[perm.Length];
        var inverse = new int[perm.Length];
        var seen = new bool[perm.Length];
        for (int k = 0; k < perm.Length; k++)
        {
            int a = ShapeOps.Axis(perm[k], x.Rank, "Permute");
            if (seen[a]) throw new ArgumentException($"Permute: axis {perm[k]} appears twice in [{string.Join(", ", perm)}]", nameof(perm));
            seen[a] = true;
            p[k] = a;
            inverse[a] = k;
        }
        var y = Empty<T>(p.Select(a => x.shape[a]).ToArray());
        Native.Strided.Permute(x.data, x.shape, p, y.data);
        return Needs(x) ? Record(y, "permute", Derivatives.Permute<T>(inverse), x) : y;
    }

    /// <summary>Concatenation of matrices along <paramref name="axis"/> (0: stack rows, 1: join columns).</summary>
    public static Tensor<T> Concat<T>(IReadOnlyList<Tensor<T>> parts, int axis) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) throw new ArgumentException("Concat: no tensors", nameof(parts));
        if (axis != 0 && axis != 1) throw new ArgumentException($"Concat: axis must be 0 or 1, got {axis}", nameof(axis));
        int other = axis == 0 ? parts[0].Cols : parts[0].Rows, total = 0;
        foreach (var p in parts)
        {
            if (p.Rank != 2) throw new ArgumentException($"Concat: needs matrices, got {ShapeOps.Show(p.shape)}", nameof(parts));
            if ((axis == 0 ? p.Cols : p.Rows) != other)
                throw new ArgumentException($"Concat: shapes {ShapeOps.Show(parts[0].shape)} and {ShapeOps.Show(p.shape)} differ off axis {axis}", nameof(parts));
            total += axis == 0 ? p.Rows : p.Cols;
        }
        var y = Empty<T>(axis == 0 ? [total, other] : [other, total]);
        int offset = 0;
        foreach (var p in parts)
        {
            if (axis == 0) p.Span.CopyTo(y.Span.Slice(offset * other, p.Length));
            else
                for (int i = 0; i < other; i++) p.Span.Slice(i * p.Cols, p.Cols).CopyTo(y.Span.Slice(i * total + offset, p.Cols));
            offset += axis == 0 ? p.Rows : p.Cols;
        }
        var inputs = parts.ToArray();
        bool needs = GradMode.Enabled && inputs.Any(p => p.RequiresGrad);
        return needs ? Record(y, "concat", Derivatives.Concat(inputs, axis), inputs) : y;
    }

    /// <summary>Concatenation of two matrices along <paramref name="axis"/>.</summary>
    public static Tensor<T> Concat<T>(Tensor<T> a, Tensor<T> b, int axis) where T : unmanaged, IFloatingPointIeee754<T> => Concat([a, b], axis);

    /// <summary>Rows (axis 0) or columns (axis 1) start … start+count−1 of a matrix.</summary>
    public static Tensor<T> Slice<T>(Tensor<T> x, int axis, int start, int count) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckRange(x, axis, start, count, "Slice");
        int m = x.Rows, n = x.Cols;
        Tensor<T> y;
        if (axis == 0)
        {
            y = Empty<T>([count, n]);
            x.Span.Slice(start * n, count * n).CopyTo(y.Span);
        }
        else
        {
            y = Empty<T>([m, count]);
            for (int i = 0; i < m; i++) x.Span.Slice(i * n + start, count).CopyTo(y.Span.Slice(i * count, count));
        }
        return Needs(x) ? Record(y, "slice", Derivatives.Slice(x, axis, start), x) : y;
    }

    /// <summary>
    /// Embeds x into a zero matrix whose size along <paramref name="axis"/> is <paramref name="size"/>, at offset
    /// <paramref name="start"/> (the adjoint of <see cref="Slice{T}"/>).
    /// </summary>
    public static Tensor<T> Pad<T>(Tensor<T> x, int axis, int start, int size) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Rank != 2) throw new ArgumentException($"Pad: needs a matrix, got {ShapeOps.Show(x.shape)}", nameof(x));
        int count = axis == 0 ? x.Rows : x.Cols;
        if (axis != 0 && axis != 1) throw new ArgumentException($"Pad: axis must be 0 or 1, got {axis}", nameof(axis));
        if (start < 0 || start + count > size) throw new ArgumentException($"Pad: {count} entries at {start} do not fit in {size}", nameof(start));
        int m = x.Rows, n = x.Cols;
        var y = Zeros<T>(axis == 0 ? [size, n] : [m, size]);
        if (axis == 0) x.Span.CopyTo(y.Span.Slice(start * n, x.Length));
        else
            for (int i = 0; i < m; i++) x.Span.Slice(i * n, n).CopyTo(y.Span.Slice(i * size + start, n));
        return Needs(x) ? Record(y, "pad", Derivatives.Pad<T>(axis, start, count), x) : y;
    }

    /// <summary>Rows x[index[0]], x[index[1]], … of a matrix (indices may repeat).</summary>
    public static Tensor<T> GatherRows<T>(Tensor<T> x, int[] index) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(index);
        if (x.Rank != 2) throw new ArgumentException($"GatherRows: needs a matrix, got {ShapeOps.Show(x.shape)}", nameof(x));
        int n = x.Cols;
        var y = Empty<T>([index.Length, n]);
        for (int r = 0; r < index.Length; r++)
        {
            int i = index[r];
            if ((uint)i >= (uint)x.Rows) throw new ArgumentException($"GatherRows: index {i} at position {r} is outside 0…{x.Rows - 1}", nameof(index));
            x.Span.Slice(i * n, n).CopyTo(y.Span.Slice(r * n, n));
        }
        var idx = (int[])index.Clone();
        return Needs(x) ? Record(y, "gather_rows", Derivatives.GatherRows(x, idx), x) : y;
    }

    /// <summary>A rows×cols zero matrix with row r of <paramref name="x"/> added into row index[r] (the adjoint of GatherRows).</summary>
    public static Tensor<T> ScatterAddRows<T>(Tensor<T> x, int[] index, int rows) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(index);
        if (x.Rank != 2 || x.Rows != index.Length)
            throw new ArgumentException($"ScatterAddRows: needs a matrix with {index.Length} rows, got {ShapeOps.Show(x.shape)}", nameof(x));
        int n = x.Cols;
        var y = Zeros<T>(rows, n);
        for (int r = 0; r < index.Length; r++)
        {
            int i = index[r];
            if ((uint)i >= (uint)rows) throw new ArgumentException($"ScatterAddRows: index {i} at position {r} is outside 0…{rows - 1}", nameof(index));
            System.Numerics.Tensors.TensorPrimitives.Add(y.Span.Slice(i * n, n), x.Span.Slice(r * n, n), y.Span.Slice(i * n, n));
        }
        var idx = (int[])index.Clone();
        return Needs(x) ? Record(y, "scatter_add_rows", Derivatives.ScatterAddRows<T>(idx), x) : y;
    }

    private static void CheckRange<T>(Tensor<T> x, int axis, int start, int count, string op) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Rank != 2) throw new ArgumentException($"{op}: needs a matrix, got {ShapeOps.Show(x.shape)}", nameof(x));
        if (axis != 0 && axis != 1) throw new ArgumentException($"{op}: axis must be 0 or 1, got {axis}", nameof(axis));
        int size = axis == 0 ? x.Rows : x.Cols;
        if (start < 0 || count < 0 || start + count > size)
            throw new ArgumentException($"{op}: range {start}…{start + count - 1} is outside axis {axis} of size {size}", nameof(start));
    }
}
