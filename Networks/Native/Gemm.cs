using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Verify.Networks.Native;

/// <summary>
/// C ← α·op(A)·op(B) + β·C for row-major float or double spans, on one of two back ends: OpenBLAS's sgemm / dgemm
/// (<see cref="OpenBlas"/>) or the engine's own kernel (<see cref="ManagedGemm"/>). op(A) is m×k, op(B) is k×n; A is
/// stored m×k (or k×m when <c>transA</c>), B k×n (or n×k when <c>transB</c>).
/// <para>
/// Back-end policy (<see cref="Backend"/>), fixed once per process and never chosen by timing, so a seed gives the same
/// numbers on a given machine: VERIFY_GEMM=openblas or VERIFY_GEMM=managed forces one (forcing OpenBLAS when it cannot
/// load is an error with a clear message). Otherwise OpenBLAS is used when it loads and reports a kernel family
/// (<see cref="CoreName"/>) at least as wide as the widest vector unit .NET detects on this CPU (AVX-512 families
/// SkylakeX / Cooperlake / SapphireRapids; AVX2+FMA families Haswell / Zen / …), and the managed kernel when OpenBLAS
/// reports a narrower or generic fallback (Prescott, Core2, Katmai, Nehalem, Sandybridge on an AVX2 CPU, "unknown", …)
/// or is absent. The engine never sets or changes OPENBLAS_CORETYPE: it is left as the machine sets it.
/// </para>
/// <para>
/// Measured here (2 shared cores, virtualised AVX-512 Xeon, `verify-bench gemm --rounds 5`, sgemm GFLOP/s, median of
/// per-round best times, two runs under load from other jobs): Debian's OpenBLAS as the machine sets it reports "Prescott"
/// (SSE3) and runs at 25–75 GFLOP/s; the managed Vector512 kernel at 100–340 on 256–1024 squares and the trainers' 3×512,
/// 3×128 and MNIST shapes (forward and both backward products), against 60–190 for OpenBLAS forced to Haswell and 125–330
/// forced to SkylakeX (reference only). Hence the policy: the managed kernel is chosen here, and a correctly detected OpenBLAS
/// (as wide as the CPU) is used where it exists; an AVX2 OpenBLAS on an AVX-512 CPU loses to the managed kernel.
/// </para>
/// <para>
/// Threads: the chosen back end parallelises large products over the cores (OpenBLAS: its own pool, limit with
/// OPENBLAS_NUM_THREADS or <see cref="Threads"/>; managed: Parallel.For above <see cref="ManagedGemm.ParallelFlops"/>);
/// the engine's element-wise work runs on the calling thread, between GEMMs, so the two never compete for the cores.
/// </para>
/// </summary>
public static unsafe class Gemm
{
    private static readonly Lazy<string> backend = new(ChooseBackend);

    /// <summary>Name of the environment variable that forces a back end: "openblas" or "managed".</summary>
    public const string BackendVariable = "VERIFY_GEMM";

    /// <summary>The back end in use: "openblas" or "managed" (see the class remarks for the policy).</summary>
    public static string Backend => backend.Value;

    /// <summary>Number of threads the back end in use runs on (default: all cores).</summary>
    public static int Threads
    {
        get => Backend == "openblas" ? OpenBlas.openblas_get_num_threads() : ManagedGemm.Threads;
        set
        {
            if (value < 1) throw new ArgumentException("Threads must be at least 1", nameof(value));
            if (Backend == "openblas") OpenBlas.openblas_set_num_threads(value);
            else ManagedGemm.Threads = value;
        }
    }

    /// <summary>The kernel family OpenBLAS reports (e.g. "SkylakeX", "Prescott"), or "unavailable" when it cannot be loaded.</summary>
    public static string CoreName => OpenBlas.TryLoad() ? OpenBlas.CoreName : "unavailable";

    /// <summary>A one-line description of the back end for logs and benchmarks.</summary>
    public static string Describe() => Backend == "openblas"
        ? $"OpenBLAS ({CoreName} kernels, {Threads} threads)"
        : $"managed ({ManagedGemm.Isa}, {Threads} threads; OpenBLAS reports {CoreName})";

    /// <summary>
    /// The vector width class of an OpenBLAS kernel family: 3 = AVX-512, 2 = AVX2+FMA, 1 = AVX, 0 = SSE or generic.
    /// Names as returned by openblas_get_corename (matched case-insensitively).
    /// </summary>
    public static int CoreLevel(string coreName) => coreName.ToLowerInvariant() switch
    {
        "skylakex" or "cooperlake" or "sapphirerapids" => 3,
        "haswell" or "zen" or "excavator" or "alderlake" => 2,
        "sandybridge" or "bulldozer" or "piledriver" or "steamroller" => 1,
        _ => 0,
    };

    /// <summary>The same width class for this CPU, from what .NET detects (AVX-512 F/BW/DQ/VL, AVX2 + FMA, AVX).</summary>
    public static int CpuLevel()
    {
        if (System.Runtime.Intrinsics.X86.Avx512F.IsSupported && System.Runtime.Intrinsics.X86.Avx512BW.IsSupported
            && System.Runtime.Intrinsics.X86.Avx512DQ.IsSupported && System.Runtime.Intrinsics.X86.Avx512F.VL.IsSupported) return 3;
        if (System.Runtime.Intrinsics.X86.Avx2.IsSupported && System.Runtime.Intrinsics.X86.Fma.IsSupported) return 2;
        if (System.Runtime.Intrinsics.X86.Avx.IsSupported) return 1;
        return 0;
    }

    /// <summary>The policy itself, for a given VERIFY_GEMM value, OpenBLAS core name (null = not loadable) and CPU level.</summary>
    public static string Choose(string? forced, string? coreName, int cpuLevel)
    {
        switch (forced?.Trim().ToLowerInvariant())
        {
            case null or "": break;
            case "managed": return "managed";
            case "openblas":
                if (coreName is null)
                    throw new InvalidOperationException($"{BackendVariable}=openblas, but OpenBLAS (libopenblas.so.0) could not be loaded: " +
                                                        "install it with `apt-get install libopenblas0-pthread` (Debian/Ubuntu) or unset " + BackendVariable);
                return "openblas";
            default:
                throw new ArgumentException($"{BackendVariable} must be 'openblas' or 'managed', not '{forced}'", BackendVariable);
        }
        if (coreName is null) return "managed";
        int core = CoreLevel(coreName);
        return core > 0 && core >= cpuLevel ? "openblas" : "managed";
    }

    private static string ChooseBackend()
    {
        string? forced = Environment.GetEnvironmentVariable(BackendVariable);
        bool want = forced?.Trim().ToLowerInvariant() != "managed";
        string? core = want && OpenBlas.TryLoad() ? OpenBlas.CoreName : null;
        return Choose(forced, core, CpuLevel());
    }

    /// <summary>C ← α·op(A)·op(B) + β·C (row-major).</summary>
    public static void Run<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, ReadOnlySpan<T> b, T beta, Span<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Backend == "managed") { ManagedGemm.Run(transA, transB, m, n, k, alpha, a, b, beta, c); return; }
        OpenBlasRun(transA, transB, m, n, k, alpha, a, b, beta, c);
    }

    /// <summary>
    /// C ← α·op(A)·op(B) + β·C with C stored as m/<paramref name="rowBlock"/> blocks of [n, rowBlock] (entry (i, j) at
    /// C[(i / rowBlock)·rowBlock·n + j·rowBlock + i mod rowBlock]): a convolution's [N·OH·OW, O] product written straight
    /// into NCHW. The managed kernel writes that layout itself (<see cref="ManagedGemm.RunBlockedRows{T}"/>, bit-identical
    /// to the row-major product); OpenBLAS gets C gathered into rows and scattered back.
    /// </summary>
    public static void RunBlockedRows<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, ReadOnlySpan<T> b, T beta, Span<T> c, int rowBlock)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Backend == "managed") { ManagedGemm.RunBlockedRows(transA, transB, m, n, k, alpha, a, b, beta, c, rowBlock); return; }
        if (rowBlock < 1 || m % rowBlock != 0) throw new ArgumentException($"Gemm: rowBlock {rowBlock} must be ≥ 1 and divide m = {m}", nameof(rowBlock));
        if (c.Length < (long)m * n) throw new ArgumentException($"Gemm: buffers too small for m={m}, n={n}, k={k}");
        var rows = new T[(long)m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) rows[(long)i * n + j] = c[(int)((long)(i / rowBlock) * rowBlock * n + (long)j * rowBlock + i % rowBlock)];
        OpenBlasRun(transA, transB, m, n, k, alpha, a, b, beta, rows);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) c[(int)((long)(i / rowBlock) * rowBlock * n + (long)j * rowBlock + i % rowBlock)] = rows[(long)i * n + j];
    }

    /// <summary>
    /// C ← α·op(A)·op(B) + β·C with A stored (m×k, or k×m when <paramref name="transA"/>) as blocks of
    /// <paramref name="aBlock"/> rows laid out [cols, aBlock] (stored entry (r, s) at A[(r / aBlock)·aBlock·cols + s·aBlock
    /// + r mod aBlock]): NCHW images read as the rows [N·H·W, C] of their pixels without a permute. The managed kernel packs
    /// that layout itself (<see cref="ManagedGemm.RunBlockedA{T}"/>, bit-identical to A row-major); OpenBLAS gets A gathered
    /// into rows.
    /// </summary>
    public static void RunBlockedA<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, ReadOnlySpan<T> b, T beta, Span<T> c, int aBlock)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Backend == "managed") { ManagedGemm.RunBlockedA(transA, transB, m, n, k, alpha, a, b, beta, c, aBlock); return; }
        int rows = transA ? k : m, cols = transA ? m : k;
        if (aBlock < 1 || rows % aBlock != 0) throw new ArgumentException($"Gemm: aBlock {aBlock} must be ≥ 1 and divide the {rows} stored rows of A", nameof(aBlock));
        if (a.Length < (long)rows * cols) throw new ArgumentException($"Gemm: buffers too small for m={m}, n={n}, k={k}");
        var plain = new T[(long)rows * cols];
        for (int r = 0; r < rows; r++)
            for (int s = 0; s < cols; s++) plain[(long)r * cols + s] = a[(int)((long)(r / aBlock) * aBlock * cols + (long)s * aBlock + r % aBlock)];
        OpenBlasRun(transA, transB, m, n, k, alpha, plain, b, beta, c);
    }

    /// <summary>
    /// A convolution's product C ← α·Im2Col(x)·op(B) + β·C for the images x [N, C, H, W] in <paramref name="geometry"/>
    /// (m = N·OH·OW, k = C·kH·kW), C row-major or in blocks of <paramref name="rowBlock"/> rows (as <see cref="RunBlockedRows{T}"/>;
    /// 0 = row-major). The managed kernel gathers the windows straight into its packed panels
    /// (<see cref="ManagedGemm.RunIm2ColA{T}"/>, bit-identical to materialising Im2Col); OpenBLAS gets the Im2Col matrix.
    /// </summary>
    public static void RunIm2ColA<T>(bool transB, int n, T alpha, ReadOnlySpan<T> x, int batch, Verify.Networks.Tensors.Conv2dGeometry geometry, ReadOnlySpan<T> b, T beta, Span<T> c, int rowBlock)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Backend == "managed") { ManagedGemm.RunIm2ColA(transB, n, alpha, x, batch, geometry, b, beta, c, rowBlock); return; }
        int m = checked(batch * geometry.Windows), k = geometry.PatchSize;
        T[] cols = Im2ColMatrix(x, batch, geometry);
        if (rowBlock > 0) RunBlockedRows(false, transB, m, n, k, alpha, cols, b, beta, c, rowBlock);
        else OpenBlasRun(false, transB, m, n, k, alpha, cols, b, beta, c);
    }

    /// <summary>
    /// A convolution's weight product C ← α·op(A)·Im2Col(x) + β·C (C row-major, m × C·kH·kW; k = N·OH·OW windows), A stored
    /// in row blocks of <paramref name="aBlock"/> (0: plain) as in <see cref="RunBlockedA{T}"/>. The managed kernel gathers
    /// the windows straight into its packed panels (<see cref="ManagedGemm.RunIm2ColB{T}"/>, bit-identical to materialising
    /// Im2Col); OpenBLAS gets the Im2Col matrix.
    /// </summary>
    public static void RunIm2ColB<T>(bool transA, int m, T alpha, ReadOnlySpan<T> a, int aBlock, ReadOnlySpan<T> x, int batch, Verify.Networks.Tensors.Conv2dGeometry geometry, T beta, Span<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Backend == "managed") { ManagedGemm.RunIm2ColB(transA, m, alpha, a, aBlock, x, batch, geometry, beta, c); return; }
        int k = checked(batch * geometry.Windows), n = geometry.PatchSize;
        T[] cols = Im2ColMatrix(x, batch, geometry);
        if (aBlock > 0) RunBlockedA(transA, false, m, n, k, alpha, a, cols, beta, c, aBlock);
        else OpenBlasRun(transA, false, m, n, k, alpha, a, cols, beta, c);
    }

    /// <summary>The Im2Col matrix [N·OH·OW, C·kH·kW] of the images x, materialised for the OpenBLAS paths above.</summary>
    private static T[] Im2ColMatrix<T>(ReadOnlySpan<T> x, int batch, Verify.Networks.Tensors.Conv2dGeometry geometry)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var cols = new T[(long)checked(batch * geometry.Windows) * geometry.PatchSize];
        Im2ColKernels.Im2Col(x[..(batch * geometry.Channels * geometry.Height * geometry.Width)].ToArray(), batch, geometry, cols);
        return cols;
    }

    /// <summary>The OpenBLAS path of <see cref="Run{T}"/>, whatever the policy chose (for tests and the benchmark); throws when OpenBLAS cannot load.</summary>
    public static void OpenBlasRun<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, ReadOnlySpan<T> b, T beta, Span<T> c)
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
        OpenBlas.EnsureLoaded();
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
