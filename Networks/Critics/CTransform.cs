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
    /// <summary>Work (n·m·d) below which <see cref="ArgMin{T}"/> runs the direct loop.</summary>
    public const long DirectWork = 1 << 16;

    /// <summary>
    /// For each row y_j of <paramref name="y"/>, the index i minimising ‖xᵢ − y_j‖ − fᵢ (first on ties) — exactly the
    /// result of <see cref="ArgMinDirect{T}"/>, the O(n·m·d) loop in double, but with the distances from one GEMM per block
    /// of rows: ‖x‖² + ‖y‖² − 2xᵀy. Those are off by at most e = 2·√((2d + 16)·2⁻⁵³)·(‖xᵢ‖ + ‖y_j‖) + 8·2⁻⁵³·(distance + |fᵢ|)
    /// from the direct loop's values (the rounding of d-term sums, ≤ d·2⁻⁵³·Σ|products|, and of the square root, covered
    /// twice over), so every i whose value could still be the direct loop's minimum (value − e ≤ min over i of value + e)
    /// is re-evaluated with the direct formula, in index order. Non-finite inputs fall back to the direct loop.
    /// </summary>
    public static int[] ArgMin<T>(Tensor<T> x, ReadOnlySpan<T> f, Tensor<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(x, f, y);
        return (long)x.Rows * y.Rows * x.Cols < DirectWork ? ArgMinDirect(x, f, y) : ArgMinGemm(x, f, y);
    }

    /// <summary>The GEMM route of <see cref="ArgMin{T}"/> at any size (for tests).</summary>
    internal static int[] ArgMinGemm<T>(Tensor<T> x, ReadOnlySpan<T> f, Tensor<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(x, f, y);
        int n = x.Rows, m = y.Rows, d = x.Cols;
        if (n == 0 || m == 0 || d == 0) return ArgMinDirect(x, f, y);
        double[] xd = x.ToDoubleArray(), yd = y.ToDoubleArray(), fd = new double[n];
        for (int i = 0; i < n; i++) fd[i] = double.CreateChecked(f[i]);
        double[] nx = SquaredNorms(xd, n, d), ny = SquaredNorms(yd, m, d);
        if (!AllFinite(nx) || !AllFinite(ny) || !AllFinite(fd)) return ArgMinDirect(x, f, y);
        double[] rx = nx.Select(Math.Sqrt).ToArray(), ry = ny.Select(Math.Sqrt).ToArray();
        const double U = 1.0 / (1L << 53);
        double c = 2 * Math.Sqrt((2.0 * d + 16) * U);
        var arg = new int[m];
        int block = Math.Max(1, Math.Min(m, (1 << 22) / Math.Max(n, 1)));
        var g = new double[(long)block * n];
        var value = new double[n];
        var slack = new double[n];
        for (int j0 = 0; j0 < m; j0 += block)
        {
            int rows = Math.Min(block, m - j0);
            Verify.Networks.Native.Gemm.Run(false, true, rows, n, d, 1.0, yd.AsSpan(j0 * d, rows * d), xd, 0.0, g.AsSpan(0, rows * n));
            for (int r = 0; r < rows; r++)
            {
                int j = j0 + r;
                var gr = g.AsSpan(r * n, n);
                double bestUpper = double.PositiveInfinity;
                for (int i = 0; i < n; i++)
                {
                    double dist = Math.Sqrt(Math.Max(nx[i] + ny[j] - 2 * gr[i], 0));
                    value[i] = dist - fd[i];
                    slack[i] = c * (rx[i] + ry[j]) + 8 * U * (dist + Math.Abs(fd[i])) + double.Epsilon;
                    bestUpper = Math.Min(bestUpper, value[i] + slack[i]);
                }
                double best = double.PositiveInfinity;
                int at = 0;
                for (int i = 0; i < n; i++)
                {
                    if (value[i] - slack[i] > bestUpper) continue;
                    double v = Math.Sqrt(SquaredDistance(xd.AsSpan(i * d, d), yd.AsSpan(j * d, d))) - fd[i];
                    if (v < best) { best = v; at = i; }
                }
                arg[j] = at;
            }
        }
        return arg;
    }

    /// <summary>The reference route of <see cref="ArgMin{T}"/>: for each y_j, the first i minimising √(Σₖ (xᵢₖ − y_jₖ)²) − fᵢ, in double, O(n·m·d).</summary>
    public static int[] ArgMinDirect<T>(Tensor<T> x, ReadOnlySpan<T> f, Tensor<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(x, f, y);
        int n = x.Rows, m = y.Rows, d = x.Cols;
        double[] xd = x.ToDoubleArray(), yd = y.ToDoubleArray(), fd = new double[n];
        for (int i = 0; i < n; i++) fd[i] = double.CreateChecked(f[i]);
        var arg = new int[m];
        for (int j = 0; j < m; j++)
        {
            double best = double.PositiveInfinity;
            int at = 0;
            for (int i = 0; i < n; i++)
            {
                double v = Math.Sqrt(SquaredDistance(xd.AsSpan(i * d, d), yd.AsSpan(j * d, d))) - fd[i];
                if (v < best) { best = v; at = i; }
            }
            arg[j] = at;
        }
        return arg;
    }

    /// <summary>Σₖ (aₖ − bₖ)² summed in k order (the one formula both routes use for their final comparisons).</summary>
    private static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++)
        {
            double t = a[k] - b[k];
            s += t * t;
        }
        return s;
    }

    private static double[] SquaredNorms(double[] z, int rows, int d)
    {
        var r = new double[rows];
        for (int i = 0; i < rows; i++) r[i] = System.Numerics.Tensors.TensorPrimitives.Dot<double>(z.AsSpan(i * d, d), z.AsSpan(i * d, d));
        return r;
    }

    private static bool AllFinite(double[] v)
    {
        foreach (double a in v) if (!double.IsFinite(a)) return false;
        return true;
    }

    private static void Check<T>(Tensor<T> x, ReadOnlySpan<T> f, Tensor<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Cols != y.Cols) throw new ArgumentException($"points of dimension {x.Cols} and {y.Cols} cannot be compared");
        if (f.Length != x.Rows) throw new ArgumentException($"{f.Length} critic values for {x.Rows} points");
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
