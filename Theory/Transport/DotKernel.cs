using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Verify.Theory;

/// <summary>
/// Blocks of dot products G[r, j] = xᵣ·yⱼ between rows of two row-major point arrays, register-blocked: a 4 × 4 tile
/// of (x, y) pairs keeps 16 vector accumulators (8 lanes with AVX-512, 4 with AVX2) over the coordinates, so each
/// coordinate vector loaded is used four times; the rows of y are taken in panels of <see cref="Panel"/> so that a
/// panel stays in cache while every tile of x rows passes over it. The summation order is fixed (lanes, then the lane
/// sum, then the scalar tail), so results are deterministic; their rounding is bounded by γ_d·Σₖ|xₖyₖ| like any order.
/// </summary>
internal static unsafe class DotKernel
{
    /// <summary>Rows of y per cache panel.</summary>
    public const int Panel = 64;

    /// <summary>
    /// G[r·m + j] = x_{i0+r}·y_j for r ∈ [0, rows), j ∈ [0, m), d coordinates per point. <paramref name="g"/> holds at
    /// least rows·m entries.
    /// </summary>
    public static void Block(double[] xs, int i0, int rows, double[] ys, int m, int d, Span<double> g)
    {
        Span<double> tile = stackalloc double[16];
        fixed (double* px = xs, py = ys, pg = g)
        {
            for (int j0 = 0; j0 < m; j0 += Panel)
            {
                int j1 = Math.Min(m, j0 + Panel);
                for (int r = 0; r < rows; r += 4)
                {
                    // Rows past the end repeat the last row; their results are not stored.
                    double* x0 = px + (long)(i0 + r) * d;
                    double* x1 = px + (long)(i0 + Math.Min(r + 1, rows - 1)) * d;
                    double* x2 = px + (long)(i0 + Math.Min(r + 2, rows - 1)) * d;
                    double* x3 = px + (long)(i0 + Math.Min(r + 3, rows - 1)) * d;
                    for (int j = j0; j < j1; j += 4)
                    {
                        double* y0 = py + (long)j * d;
                        double* y1 = py + (long)Math.Min(j + 1, j1 - 1) * d;
                        double* y2 = py + (long)Math.Min(j + 2, j1 - 1) * d;
                        double* y3 = py + (long)Math.Min(j + 3, j1 - 1) * d;
                        fixed (double* t = tile) Tile(x0, x1, x2, x3, y0, y1, y2, y3, d, t);
                        int rr = Math.Min(4, rows - r), cc = Math.Min(4, j1 - j);
                        for (int a = 0; a < rr; a++)
                            for (int b = 0; b < cc; b++)
                                pg[(long)(r + a) * m + j + b] = tile[a * 4 + b];
                    }
                }
            }
        }
    }

    /// <summary>Σₖ xₖ² for every point (rows of a row-major array), in the kernel's own summation order.</summary>
    public static double[] SquaredNorms(double[] xs, int d)
    {
        int n = xs.Length / d;
        var norms = new double[n];
        Span<double> tile = stackalloc double[16];
        fixed (double* px = xs)
            for (int i = 0; i < n; i++)
            {
                double* x = px + (long)i * d;
                fixed (double* t = tile) Tile(x, x, x, x, x, x, x, x, d, t);
                norms[i] = tile[0];
            }
        return norms;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile(double* x0, double* x1, double* x2, double* x3, double* y0, double* y1, double* y2, double* y3, int d, double* t)
    {
        int k = 0;
        if (Vector512.IsHardwareAccelerated && d >= 8)
        {
            Vector512<double> c00 = default, c01 = default, c02 = default, c03 = default;
            Vector512<double> c10 = default, c11 = default, c12 = default, c13 = default;
            Vector512<double> c20 = default, c21 = default, c22 = default, c23 = default;
            Vector512<double> c30 = default, c31 = default, c32 = default, c33 = default;
            for (; k + 8 <= d; k += 8)
            {
                var b0 = Vector512.Load(y0 + k);
                var b1 = Vector512.Load(y1 + k);
                var b2 = Vector512.Load(y2 + k);
                var b3 = Vector512.Load(y3 + k);
                var a = Vector512.Load(x0 + k);
                c00 = Vector512.FusedMultiplyAdd(a, b0, c00); c01 = Vector512.FusedMultiplyAdd(a, b1, c01);
                c02 = Vector512.FusedMultiplyAdd(a, b2, c02); c03 = Vector512.FusedMultiplyAdd(a, b3, c03);
                a = Vector512.Load(x1 + k);
                c10 = Vector512.FusedMultiplyAdd(a, b0, c10); c11 = Vector512.FusedMultiplyAdd(a, b1, c11);
                c12 = Vector512.FusedMultiplyAdd(a, b2, c12); c13 = Vector512.FusedMultiplyAdd(a, b3, c13);
                a = Vector512.Load(x2 + k);
                c20 = Vector512.FusedMultiplyAdd(a, b0, c20); c21 = Vector512.FusedMultiplyAdd(a, b1, c21);
                c22 = Vector512.FusedMultiplyAdd(a, b2, c22); c23 = Vector512.FusedMultiplyAdd(a, b3, c23);
                a = Vector512.Load(x3 + k);
                c30 = Vector512.FusedMultiplyAdd(a, b0, c30); c31 = Vector512.FusedMultiplyAdd(a, b1, c31);
                c32 = Vector512.FusedMultiplyAdd(a, b2, c32); c33 = Vector512.FusedMultiplyAdd(a, b3, c33);
            }
            t[0] = Vector512.Sum(c00); t[1] = Vector512.Sum(c01); t[2] = Vector512.Sum(c02); t[3] = Vector512.Sum(c03);
            t[4] = Vector512.Sum(c10); t[5] = Vector512.Sum(c11); t[6] = Vector512.Sum(c12); t[7] = Vector512.Sum(c13);
            t[8] = Vector512.Sum(c20); t[9] = Vector512.Sum(c21); t[10] = Vector512.Sum(c22); t[11] = Vector512.Sum(c23);
            t[12] = Vector512.Sum(c30); t[13] = Vector512.Sum(c31); t[14] = Vector512.Sum(c32); t[15] = Vector512.Sum(c33);
        }
        else if (Vector256.IsHardwareAccelerated && d >= 4)
        {
            Vector256<double> c00 = default, c01 = default, c02 = default, c03 = default;
            Vector256<double> c10 = default, c11 = default, c12 = default, c13 = default;
            Vector256<double> c20 = default, c21 = default, c22 = default, c23 = default;
            Vector256<double> c30 = default, c31 = default, c32 = default, c33 = default;
            for (; k + 4 <= d; k += 4)
            {
                var b0 = Vector256.Load(y0 + k);
                var b1 = Vector256.Load(y1 + k);
                var b2 = Vector256.Load(y2 + k);
                var b3 = Vector256.Load(y3 + k);
                var a = Vector256.Load(x0 + k);
                c00 = Vector256.FusedMultiplyAdd(a, b0, c00); c01 = Vector256.FusedMultiplyAdd(a, b1, c01);
                c02 = Vector256.FusedMultiplyAdd(a, b2, c02); c03 = Vector256.FusedMultiplyAdd(a, b3, c03);
                a = Vector256.Load(x1 + k);
                c10 = Vector256.FusedMultiplyAdd(a, b0, c10); c11 = Vector256.FusedMultiplyAdd(a, b1, c11);
                c12 = Vector256.FusedMultiplyAdd(a, b2, c12); c13 = Vector256.FusedMultiplyAdd(a, b3, c13);
                a = Vector256.Load(x2 + k);
                c20 = Vector256.FusedMultiplyAdd(a, b0, c20); c21 = Vector256.FusedMultiplyAdd(a, b1, c21);
                c22 = Vector256.FusedMultiplyAdd(a, b2, c22); c23 = Vector256.FusedMultiplyAdd(a, b3, c23);
                a = Vector256.Load(x3 + k);
                c30 = Vector256.FusedMultiplyAdd(a, b0, c30); c31 = Vector256.FusedMultiplyAdd(a, b1, c31);
                c32 = Vector256.FusedMultiplyAdd(a, b2, c32); c33 = Vector256.FusedMultiplyAdd(a, b3, c33);
            }
            t[0] = Vector256.Sum(c00); t[1] = Vector256.Sum(c01); t[2] = Vector256.Sum(c02); t[3] = Vector256.Sum(c03);
            t[4] = Vector256.Sum(c10); t[5] = Vector256.Sum(c11); t[6] = Vector256.Sum(c12); t[7] = Vector256.Sum(c13);
            t[8] = Vector256.Sum(c20); t[9] = Vector256.Sum(c21); t[10] = Vector256.Sum(c22); t[11] = Vector256.Sum(c23);
            t[12] = Vector256.Sum(c30); t[13] = Vector256.Sum(c31); t[14] = Vector256.Sum(c32); t[15] = Vector256.Sum(c33);
        }
        else
        {
            for (int q = 0; q < 16; q++) t[q] = 0;
        }
        for (; k < d; k++)
        {
            double a0 = x0[k], a1 = x1[k], a2 = x2[k], a3 = x3[k];
            double b0 = y0[k], b1 = y1[k], b2 = y2[k], b3 = y3[k];
            t[0] = Math.FusedMultiplyAdd(a0, b0, t[0]); t[1] = Math.FusedMultiplyAdd(a0, b1, t[1]);
            t[2] = Math.FusedMultiplyAdd(a0, b2, t[2]); t[3] = Math.FusedMultiplyAdd(a0, b3, t[3]);
            t[4] = Math.FusedMultiplyAdd(a1, b0, t[4]); t[5] = Math.FusedMultiplyAdd(a1, b1, t[5]);
            t[6] = Math.FusedMultiplyAdd(a1, b2, t[6]); t[7] = Math.FusedMultiplyAdd(a1, b3, t[7]);
            t[8] = Math.FusedMultiplyAdd(a2, b0, t[8]); t[9] = Math.FusedMultiplyAdd(a2, b1, t[9]);
            t[10] = Math.FusedMultiplyAdd(a2, b2, t[10]); t[11] = Math.FusedMultiplyAdd(a2, b3, t[11]);
            t[12] = Math.FusedMultiplyAdd(a3, b0, t[12]); t[13] = Math.FusedMultiplyAdd(a3, b1, t[13]);
            t[14] = Math.FusedMultiplyAdd(a3, b2, t[14]); t[15] = Math.FusedMultiplyAdd(a3, b3, t[15]);
        }
    }
}
