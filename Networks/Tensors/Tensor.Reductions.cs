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
    /// Sum of a matrix over <paramref name="axis"/> (0: down the rows, giving one value per column; 1: along each row).
    /// The result is a vector, or keeps the reduced dimension as 1 when <paramref name="keepDim"/>.
    /// </summary>
    public static Tensor<T> Sum<T>(Tensor<T> x, int axis, bool keepDim = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int[] shape = ReducedShape(x, axis, keepDim, "Sum");
        var y = Empty<T>(shape);
        if (axis == 0) Kernels.SumCols(x.Span, x.Rows, x.Cols, y.Span);
        else Kernels.SumRows(x.Span, x.Rows, x.Cols, y.Span);
        return Needs(x) ? Record(y, "sum_axis", Derivatives.SumAxis(x, axis), x) : y;
    }

    /// <summary>Mean of a matrix over <paramref name="axis"/> (see <see cref="Sum{T}(Tensor{T}, int, bool)"/>).</summary>
    public static Tensor<T> Mean<T>(Tensor<T> x, int axis, bool keepDim = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = axis == 0 ? x.Rows : x.Cols;
        return MulScalar(Sum(x, axis, keepDim), T.One / T.CreateChecked(n));
    }

    /// <summary>
    /// Row-wise Euclidean norm ‖xᵢ‖ of a matrix: a vector of length rows (or rows×1 when <paramref name="keepDim"/>).
    /// Gradient xᵢ/‖xᵢ‖, taken as 0 where ‖xᵢ‖ = 0.
    /// </summary>
    public static Tensor<T> RowNorm<T>(Tensor<T> x, bool keepDim = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int[] shape = ReducedShape(x, 1, keepDim, "RowNorm");
        var y = Empty<T>(shape);
        for (int i = 0; i < x.Rows; i++) y.data[i] = TensorPrimitives.Norm<T>(x.Span.Slice(i * x.Cols, x.Cols));
        return Needs(x) ? Record(y, "row_norm", Derivatives.RowNorm(x, y), x) : y;
    }

    /// <summary>Minimum of a matrix over <paramref name="axis"/>; the gradient goes to the (first) arg-min.</summary>
    public static Tensor<T> MinAxis<T>(Tensor<T> x, int axis, bool keepDim = false) where T : unmanaged, IFloatingPointIeee754<T>
        => Extremum(x, axis, keepDim, min: true);

    /// <summary>Maximum of a matrix over <paramref name="axis"/>; the gradient goes to the (first) arg-max.</summary>
    public static Tensor<T> MaxAxis<T>(Tensor<T> x, int axis, bool keepDim = false) where T : unmanaged, IFloatingPointIeee754<T>
        => Extremum(x, axis, keepDim, min: false);

    /// <summary>Index of the first minimum along <paramref name="axis"/> of a matrix (not differentiable).</summary>
    public static int[] ArgMin<T>(Tensor<T> x, int axis) where T : unmanaged, IFloatingPointIeee754<T> => ArgExtremum(x, axis, min: true);

    /// <summary>Index of the first maximum along <paramref name="axis"/> of a matrix (not differentiable).</summary>
    public static int[] ArgMax<T>(Tensor<T> x, int axis) where T : unmanaged, IFloatingPointIeee754<T> => ArgExtremum(x, axis, min: false);

    private static Tensor<T> Extremum<T>(Tensor<T> x, int axis, bool keepDim, bool min) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int[] shape = ReducedShape(x, axis, keepDim, min ? "MinAxis" : "MaxAxis");
        int[] arg = ArgExtremum(x, axis, min);
        var y = Empty<T>(shape);
        var onehot = Zeros<T>(x.shape);
        for (int r = 0; r < arg.Length; r++)
        {
            int at = axis == 0 ? arg[r] * x.Cols + r : r * x.Cols + arg[r];
            y.data[r] = x.data[at];
            onehot.data[at] = T.One;
        }
        return Needs(x) ? Record(y, min ? "min_axis" : "max_axis", Derivatives.Select(x, axis, onehot), x) : y;
    }

    private static int[] ArgExtremum<T>(Tensor<T> x, int axis, bool min) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReducedShape(x, axis, false, min ? "ArgMin" : "ArgMax");
        int m = x.Rows, n = x.Cols;
        if ((axis == 0 ? m : n) == 0) throw new ArgumentException("arg-min/max over an empty axis", nameof(x));
        if (axis == 1)
        {
            var r = new int[m];
            for (int i = 0; i < m; i++)
            {
                var row = x.Span.Slice(i * n, n);
                r[i] = min ? TensorPrimitives.IndexOfMin<T>(row) : TensorPrimitives.IndexOfMax<T>(row);
            }
            return r;
        }
        var c = new int[n];
        for (int j = 0; j < n; j++)
        {
            int best = 0;
            for (int i = 1; i < m; i++)
            {
                T v = x.data[i * n + j], b = x.data[best * n + j];
                if (min ? v < b : v > b) best = i;
            }
            c[j] = best;
        }
        return c;
    }

    private static int[] ReducedShape<T>(Tensor<T> x, int axis, bool keepDim, string op) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Rank != 2) throw new ArgumentException($"{op}: needs a matrix, got shape {ShapeOps.Show(x.shape)}", nameof(x));
        if (axis != 0 && axis != 1) throw new ArgumentException($"{op}: axis must be 0 or 1, got {axis}", nameof(axis));
        return axis == 0 ? (keepDim ? [1, x.Cols] : [x.Cols]) : (keepDim ? [x.Rows, 1] : [x.Rows]);
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
