using System.Numerics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Critics;

/// <summary>
/// The c-transform for the cost c(x, y) = ‖x − y‖ over a finite set of points x₁…xₙ: f^c(y) = minᵢ (‖xᵢ − y‖ − f(xᵢ)).
/// For any f, f(xᵢ) + f^c(y) ≤ ‖xᵢ − y‖, so E_P f + E_Q f^c is a feasible Kantorovich dual value: it never exceeds
/// W₁ between the empirical laws (weak duality), and equals it for an optimal f. The derivative of the min is routed to the
/// arg-min (the arg-min itself is a constant).
/// </summary>
public static class CTransform
{
    /// <summary>For each row y_j of <paramref name="y"/>, the index i minimising ‖xᵢ − y_j‖ − fᵢ (first on ties).</summary>
    public static int[] ArgMin<T>(Tensor<T> x, ReadOnlySpan<T> f, Tensor<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Cols != y.Cols) throw new ArgumentException($"points of dimension {x.Cols} and {y.Cols} cannot be compared");
        if (f.Length != x.Rows) throw new ArgumentException($"{f.Length} critic values for {x.Rows} points");
        int n = x.Rows, m = y.Rows, d = x.Cols;
        ReadOnlySpan<T> xs = x.Span, ys = y.Span;
        var fd = new double[n];
        for (int i = 0; i < n; i++) fd[i] = double.CreateChecked(f[i]);
        var arg = new int[m];
        for (int j = 0; j < m; j++)
        {
            double best = double.PositiveInfinity;
            int at = 0;
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int k = 0; k < d; k++)
                {
                    double t = double.CreateChecked(xs[i * d + k]) - double.CreateChecked(ys[j * d + k]);
                    s += t * t;
                }
                double v = Math.Sqrt(s) - fd[i];
                if (v < best) { best = v; at = i; }
            }
            arg[j] = at;
        }
        return arg;
    }

    /// <summary>
    /// f^c(y_j) for each row of <paramref name="y"/> as a differentiable [m] vector ‖x_{i*} − y_j‖ − f(x_{i*}), given the
    /// critic values <paramref name="fx"/> ([n, 1], possibly recorded) at the points <paramref name="x"/>.
    /// Gradients flow to f(x_{i*}) and, through the distance, to y (the generator's samples).
    /// </summary>
    public static Tensor<T> Values<T>(Tensor<T> x, Tensor<T> fx, Tensor<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int[] arg = ArgMin(x, fx.Span, y);
        var distances = Tensor.RowNorm(Tensor.Sub(Tensor.GatherRows(x, arg), y));
        var selected = Tensor.Reshape(Tensor.GatherRows(fx, arg), y.Rows);
        return Tensor.Sub(distances, selected);
    }
}
