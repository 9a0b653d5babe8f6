using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Verify.Networks.Native;

/// <summary>
/// C ← α·op(A)·op(B) + β·C for row-major float or double spans, dispatched to OpenBLAS's sgemm / dgemm.
/// op(A) is m×k, op(B) is k×n; A is stored m×k (or k×m when <c>transA</c>), B k×n (or n×k when <c>transB</c>).
/// <para>
/// Threads: only OpenBLAS parallelises (its own pool, all cores by default; limit with OPENBLAS_NUM_THREADS or
/// <see cref="Threads"/>); the engine's element-wise work runs on the calling thread, between GEMMs, so the two never
/// compete for the cores. Measured here (2 cores, AVX-512, `verify-bench gemm`): 170–190 GFLOP/s on 256–512 squares and
/// the 3×512 critic's shapes, 120–150 GFLOP/s on the MNIST shapes, the same as NumPy and PyTorch given the same kernels.
/// </para>
/// </summary>
public static unsafe class Gemm
{
    private static bool loaded;

    /// <summary>Number of threads OpenBLAS uses (default: all cores).</summary>
    public static int Threads
    {
        get { Load(); return OpenBlas.openblas_get_num_threads(); }
        set
        {
            if (value < 1) throw new ArgumentException("Threads must be at least 1", nameof(value));
            Load();
            OpenBlas.openblas_set_num_threads(value);
        }
    }

    /// <summary>The OpenBLAS kernel family in use (see <see cref="OpenBlas"/> on how it is chosen).</summary>
    public static string CoreName => OpenBlas.CoreName;

    /// <summary>The OPENBLAS_CORETYPE the engine set before loading OpenBLAS, or null if it left the choice alone.</summary>
    public static string? ChosenCoreType
    {
        get { Load(); return OpenBlas.ChosenCoreType; }
    }

    private static void Load()
    {
        if (loaded) return;
        OpenBlas.EnsureLoaded();
        loaded = true;
    }

    /// <summary>C ← α·op(A)·op(B) + β·C (row-major).</summary>
    public static void Run<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, ReadOnlySpan<T> b, T beta, Span<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Length < m * k || b.Length < k * n || c.Length < m * n)
            throw new ArgumentException($"Gemm: buffers too small for m={m}, n={n}, k={k}");
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            if (T.IsZero(beta)) c[..(m * n)].Clear();
            else System.Numerics.Tensors.TensorPrimitives.Multiply(c[..(m * n)], beta, c[..(m * n)]);
            return;
        }
        Load();
        int lda = transA ? m : k, ldb = transB ? k : n;
        int ta = transA ? OpenBlas.Trans : OpenBlas.NoTrans, tb = transB ? OpenBlas.Trans : OpenBlas.NoTrans;
        if (typeof(T) == typeof(float))
        {
            fixed (float* pa = MemoryMarshal.Cast<T, float>(a), pb = MemoryMarshal.Cast<T, float>(b), pc = MemoryMarshal.Cast<T, float>(c))
                OpenBlas.cblas_sgemm(OpenBlas.RowMajor, ta, tb, m, n, k, Unsafe.As<T, float>(ref alpha), pa, lda, pb, ldb, Unsafe.As<T, float>(ref beta), pc, n);
        }
        else if (typeof(T) == typeof(double))
        {
            fixed (double* pa = MemoryMarshal.Cast<T, double>(a), pb = MemoryMarshal.Cast<T, double>(b), pc = MemoryMarshal.Cast<T, double>(c))
                OpenBlas.cblas_dgemm(OpenBlas.RowMajor, ta, tb, m, n, k, Unsafe.As<T, double>(ref alpha), pa, lda, pb, ldb, Unsafe.As<T, double>(ref beta), pc, n);
        }
        else throw new NotSupportedException($"Gemm supports float and double, not {typeof(T).Name}");
    }

    /// <summary>Reference triple loop (for tests and the benchmark), same contract as <see cref="Run{T}"/>.</summary>
    public static void Naive<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, ReadOnlySpan<T> b, T beta, Span<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                T s = T.Zero;
                for (int p = 0; p < k; p++)
                    s += (transA ? a[p * m + i] : a[i * k + p]) * (transB ? b[j * k + p] : b[p * n + j]);
                c[i * n + j] = alpha * s + (T.IsZero(beta) ? T.Zero : beta * c[i * n + j]);
            }
    }
}
