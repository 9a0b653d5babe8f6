using System.Numerics;
using System.Numerics.Tensors;
using Verify.Networks.Autodiff;
using Verify.Networks.Native;

namespace Verify.Networks.Tensors;

/// <summary>Reductions and broadcasting (forward kernels; backward rules in <see cref="Derivatives"/>).</summary>
public static partial class Tensor
{
    /// <summary>Σ of all elements (a scalar).</summary>
    public static Tensor<T> Sum<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = Scalar(TensorPrimitives.Sum<T>(x.Span));
        return Needs(x) ? Record(y, "sum", Derivatives.BroadcastBack(x), x) : y;
    }

    /// <summary>Mean of all elements (a scalar).</summary>
    public static Tensor<T> Mean<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Length == 0) throw new ArgumentException("Mean of an empty tensor", nameof(x));
        return MulScalar(Sum(x), T.One / T.CreateChecked(x.Length));
    }

    /// <summary>
    /// Sum over <paramref name="axis"/> (negative counts from the end). For a matrix, axis 0 sums down the rows (one value
    /// per column) and axis 1 along each row. The axis is removed, or kept as 1 when <paramref name="keepDim"/>.
    /// </summary>
    public static Tensor<T> Sum<T>(Tensor<T> x, int axis, bool keepDim = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int ax = ReductionAxis(x, axis, "Sum");
        var y = Empty<T>(ReducedShape(x.shape, ax, keepDim));
        if (x.Rank == 2 && ax == 0) Kernels.SumCols(x.Span, x.Rows, x.Cols, y.Span);
        else if (x.Rank == 2) Kernels.SumRows(x.Span, x.Rows, x.Cols, y.Span);
        else
        {
            var (outer, n, inner) = Split(x.shape, ax);
            Kernels.SumAxis(x.Span, outer, n, inner, y.Span);
        }
        return Needs(x) ? Record(y, "sum_axis", Derivatives.SumAxis(x, ax), x) : y;
    }

    /// <summary>Mean over <paramref name="axis"/> (see <see cref="Sum{T}(Tensor{T}, int, bool)"/>).</summary>
    public static Tensor<T> Mean<T>(Tensor<T> x, int axis, bool keepDim = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = x.shape[ReductionAxis(x, axis, "Mean")];
        return MulScalar(Sum(x, axis, keepDim), T.One / T.CreateChecked(n));
    }

    /// <summary>
    /// Sum over several axes at once (e.g. [0, 2, 3] for a per-channel sum of an NCHW tensor); the axes are removed, or
    /// kept as 1 when <paramref name="keepDim"/>. One pass over x (<see cref="SumTo{T}"/>), whatever the number of axes.
    /// </summary>
    public static Tensor<T> Sum<T>(Tensor<T> x, int[] axes, bool keepDim = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var kept = KeptShape(x, axes, "Sum");
        var y = SumTo(x, kept);
        return keepDim ? y : Reshape(y, kept.Where((_, k) => !axes.Select(a => ShapeOps.Axis(a, x.Rank, "Sum")).Contains(k)).ToArray());
    }

    /// <summary>Mean over several axes (see <see cref="Sum{T}(Tensor{T}, int[], bool)"/>).</summary>
    public static Tensor<T> Mean<T>(Tensor<T> x, int[] axes, bool keepDim = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var kept = KeptShape(x, axes, "Mean");
        int count = x.Length / Math.Max(1, ShapeOps.Count(kept));
        if (count == 0) throw new ArgumentException($"Mean: the axes of {ShapeOps.Show(x.shape)} hold no elements", nameof(x));
        return MulScalar(Sum(x, axes, keepDim), T.One / T.CreateChecked(count));
    }

    /// <summary>
    /// Per-sample Euclidean norm ‖xᵢ‖ over everything but the first axis (the rows of a matrix; the C·H·W values of
    /// each image of an NCHW tensor): a vector of length rows, or [rows, 1, …] of x's rank when <paramref name="keepDim"/>.
    /// Gradient xᵢ/‖xᵢ‖, taken as 0 where ‖xᵢ‖ = 0.
    /// </summary>
    public static Tensor<T> RowNorm<T>(Tensor<T> x, bool keepDim = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Rank < 2) throw new ArgumentException($"RowNorm: needs a matrix or a higher-rank tensor, got shape {ShapeOps.Show(x.shape)}", nameof(x));
        var y = Empty<T>(keepDim ? SampleShape(x) : [x.Rows]);
        for (int i = 0; i < x.Rows; i++) y.data[i] = TensorPrimitives.Norm<T>(x.Span.Slice(i * x.Cols, x.Cols));
        return Needs(x) ? Record(y, "row_norm", Derivatives.RowNorm(x, y), x) : y;
    }

    /// <summary>Minimum over <paramref name="axis"/>; the gradient goes to the (first) arg-min.</summary>
    public static Tensor<T> MinAxis<T>(Tensor<T> x, int axis, bool keepDim = false) where T : unmanaged, IFloatingPointIeee754<T>
        => Extremum(x, axis, keepDim, min: true);

    /// <summary>Maximum over <paramref name="axis"/>; the gradient goes to the (first) arg-max.</summary>
    public static Tensor<T> MaxAxis<T>(Tensor<T> x, int axis, bool keepDim = false) where T : unmanaged, IFloatingPointIeee754<T>
        => Extremum(x, axis, keepDim, min: false);

    /// <summary>Index of the first minimum along <paramref name="axis"/>, for every position of the other axes in row-major order (not differentiable).</summary>
    public static int[] ArgMin<T>(Tensor<T> x, int axis) where T : unmanaged, IFloatingPointIeee754<T> => ArgExtremum(x, axis, min: true);

    /// <summary>Index of the first maximum along <paramref name="axis"/> (see <see cref="ArgMin{T}"/>).</summary>
    public static int[] ArgMax<T>(Tensor<T> x, int axis) where T : unmanaged, IFloatingPointIeee754<T> => ArgExtremum(x, axis, min: false);

    private static Tensor<T> Extremum<T>(Tensor<T> x, int axis, bool keepDim, bool min) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int ax = ReductionAxis(x, axis, min ? "MinAxis" : "MaxAxis");
        int[] arg = ArgExtremum(x, ax, min);
        var (_, n, inner) = Split(x.shape, ax);
        var y = Empty<T>(ReducedShape(x.shape, ax, keepDim));
        var onehot = Zeros<T>(x.shape);
        for (int r = 0; r < arg.Length; r++)
        {
            int o = r / inner, i = r % inner;
            int at = (o * n + arg[r]) * inner + i;
            y.data[r] = x.data[at];
            onehot.data[at] = T.One;
        }
        return Needs(x) ? Record(y, min ? "min_axis" : "max_axis", Derivatives.Select(x, ax, onehot), x) : y;
    }

    private static int[] ArgExtremum<T>(Tensor<T> x, int axis, bool min) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int ax = ReductionAxis(x, axis, min ? "ArgMin" : "ArgMax");
        var (outer, n, inner) = Split(x.shape, ax);
        if (n == 0) throw new ArgumentException("arg-min/max over an empty axis", nameof(x));
        var r = new int[outer * inner];
        for (int o = 0; o < outer; o++)
        {
            if (inner == 1)
            {
                var row = x.Span.Slice(o * n, n);
                r[o] = min ? TensorPrimitives.IndexOfMin<T>(row) : TensorPrimitives.IndexOfMax<T>(row);
                continue;
            }
            for (int i = 0; i < inner; i++)
            {
                int best = 0, bx = o * n * inner + i;
                for (int k = 1; k < n; k++)
                {
                    T v = x.data[bx + k * inner], b = x.data[bx + best * inner];
                    if (min ? v < b : v > b) best = k;
                }
                r[o * inner + i] = best;
            }
        }
        return r;
    }

    private static int ReductionAxis<T>(Tensor<T> x, int axis, string op) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Rank == 0) throw new ArgumentException($"{op}: a scalar has no axis to reduce", nameof(x));
        return ShapeOps.Axis(axis, x.Rank, op);
    }

    /// <summary>(product of the dimensions before the axis, its size, product of those after).</summary>
    private static (int Outer, int N, int Inner) Split(int[] shape, int axis)
        => (ShapeOps.Product(shape, 0, axis), shape[axis], ShapeOps.Product(shape, axis + 1, shape.Length));

    private static int[] ReducedShape(int[] shape, int axis, bool keepDim)
    {
        if (keepDim)
        {
            var k = (int[])shape.Clone();
            k[axis] = 1;
            return k;
        }
        return shape.Where((_, i) => i != axis).ToArray();
    }

    private static int[] KeptShape<T>(Tensor<T> x, int[] axes, string op) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(axes);
        var kept = (int[])x.shape.Clone();
        var seen = new HashSet<int>();
        foreach (int a in axes)
        {
            int ax = ShapeOps.Axis(a, x.Rank, op);
            if (!seen.Add(ax)) throw new ArgumentException($"{op}: axis {a} is listed twice", nameof(axes));
            kept[ax] = 1;
        }
        return kept;
    }

    /// <summary>[rows, 1, …, 1] with the rank of x (one value per sample, broadcastable against x).</summary>
    internal static int[] SampleShape<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = new int[x.Rank];
        s.AsSpan().Fill(1);
        s[0] = x.Rows;
        return s;
    }

    /// <summary>Sums a broadcast tensor back to <paramref name="shape"/> (the adjoint of <see cref="BroadcastTo{T}"/>).</summary>
    public static Tensor<T> SumTo<T>(Tensor<T> x, int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (ShapeOps.Same(x.shape, shape)) return x;
        if (!ShapeOps.BroadcastsTo(shape, x.shape))
            throw new ArgumentException($"SumTo: {ShapeOps.Show(shape)} does not broadcast to {ShapeOps.Show(x.shape)}", nameof(shape));
        var y = Empty<T>((int[])shape.Clone());
        var (sr, sc) = ShapeOps.As2D(shape);
        if (y.Length == 1) y.data[0] = TensorPrimitives.Sum<T>(x.Span);
        else if (y.Length == x.Length) x.Span.CopyTo(y.Span); // only unit dimensions differ
        else if (x.Rank > 2) Strided.SumTo(x.data, x.shape, y.data, y.shape);
        else if (sr == 1) Kernels.SumCols(x.Span, x.Rows, x.Cols, y.Span);
        else Kernels.SumRows(x.Span, x.Rows, x.Cols, y.Span);
        return Needs(x) ? Record(y, "sum_to", Derivatives.BroadcastBack(x), x) : y;
    }

    /// <summary>Repeats <paramref name="x"/> along broadcast dimensions to <paramref name="shape"/>.</summary>
    public static Tensor<T> BroadcastTo<T>(Tensor<T> x, int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (ShapeOps.Same(x.shape, shape)) return x;
        if (!ShapeOps.BroadcastsTo(x.shape, shape))
            throw new ArgumentException($"BroadcastTo: {ShapeOps.Show(x.shape)} does not broadcast to {ShapeOps.Show(shape)}", nameof(shape));
        var y = Empty<T>((int[])shape.Clone());
        if (shape.Length > 2)
        {
            Strided.BroadcastTo(x.data, x.shape, y.data, y.shape);
            return Needs(x) ? Record(y, "broadcast_to", Derivatives.SumBack(x), x) : y;
        }
        var (rs, cs) = ShapeOps.Strides(x.shape, y.Rows, y.Cols);
        for (int i = 0; i < y.Rows; i++)
        {
            var row = y.Span.Slice(i * y.Cols, y.Cols);
            if (cs == 1) x.Span.Slice(i * rs, y.Cols).CopyTo(row);
            else row.Fill(x.data[i * rs]);
        }
        return Needs(x) ? Record(y, "broadcast_to", Derivatives.SumBack(x), x) : y;
    }
}
