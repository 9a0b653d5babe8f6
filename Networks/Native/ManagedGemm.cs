using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Verify.Networks.Native;

/// <summary>
/// The engine's own GEMM, C ← α·op(A)·op(B) + β·C (row-major, float or double), same contract as <see cref="Gemm.Run{T}"/>.
/// <para>
/// Layout (the Goto/BLIS scheme): for each block of KC indices of the k dimension, the needed k-slice of op(B) is packed
/// into column panels NR wide and the rows of op(A) into row panels MR tall (zero-padded at the edges, transposes read
/// at packing time); a register-blocked micro-kernel then forms each MR×NR tile of the product with fused multiply-adds
/// into MR·2 vector accumulators (NR = 2 vectors): with Vector512 (AVX-512) MR = 8, NR = 32 floats / 16 doubles; with
/// Vector256 + FMA MR = 6, NR = 16 floats / 8 doubles; otherwise a scalar loop.
/// </para>
/// <para>
/// Determinism: each entry of C is summed in the same order (k ascending inside each KC block, blocks in order, α applied
/// per block) whatever the thread split, so results are bit-identical from run to run and for any number of threads.
/// Above <see cref="ParallelFlops"/> the product is cut into independent rectangles of C, one per core.
/// </para>
/// </summary>
public static unsafe partial class ManagedGemm
{
    private const int KC = 256, MC = 96, NC = 2048;

    /// <summary>Products below this many flops (2·m·n·k) run on the calling thread only.</summary>
    public const double ParallelFlops = 2e6;

    private static int threads = Environment.ProcessorCount;

    /// <summary>Number of threads the managed kernel uses for large products (default: all cores).</summary>
    public static int Threads
    {
        get => threads;
        set
        {
            if (value < 1) throw new ArgumentException("Threads must be at least 1", nameof(value));
            threads = value;
        }
    }

    /// <summary>The instruction set the micro-kernel uses: "Vector512", "Vector256+FMA" or "scalar".</summary>
    public static string Isa =>
        Vector512.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? "Vector512"
        : Vector256.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Fma.IsSupported ? "Vector256+FMA"
        : "scalar";

    private static readonly int Level = Isa switch { "Vector512" => 2, "Vector256+FMA" => 1, _ => 0 };

    /// <summary>C ← α·op(A)·op(B) + β·C (row-major); op(A) is m×k, op(B) is k×n.</summary>
    public static void Run<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, ReadOnlySpan<T> b, T beta, Span<T> c)
        where T : unmanaged, IFloatingPointIeee754<T> => Run(transA, transB, m, n, k, alpha, a, b, beta, c, threads);

    /// <summary>As <see cref="Run{T}(bool, bool, int, int, int, T, ReadOnlySpan{T}, ReadOnlySpan{T}, T, Span{T})"/> on at most <paramref name="maxThreads"/> threads.</summary>
    public static void Run<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, ReadOnlySpan<T> b, T beta, Span<T> c, int maxThreads)
        where T : unmanaged, IFloatingPointIeee754<T> => Run(transA, transB, m, n, k, alpha, a, b, beta, c, maxThreads, 0);

    /// <summary>
    /// As <see cref="Run{T}(bool, bool, int, int, int, T, ReadOnlySpan{T}, ReadOnlySpan{T}, T, Span{T})"/>, with C stored
    /// as m/<paramref name="rowBlock"/> blocks of [n, rowBlock]: entry (i, j) of C lives at
    /// C[(i / rowBlock)·rowBlock·n + j·rowBlock + i mod rowBlock]. With m = N·OH·OW, n = O and rowBlock = OH·OW this is
    /// a convolution's output written straight into NCHW (no separate permute). Each entry is the same sum in the same
    /// order as in the row-major product, so the values are bit-identical to it.
    /// </summary>
    public static void RunBlockedRows<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, ReadOnlySpan<T> b, T beta, Span<T> c, int rowBlock)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (rowBlock < 1 || m % rowBlock != 0) throw new ArgumentException($"ManagedGemm: rowBlock {rowBlock} must be ≥ 1 and divide m = {m}", nameof(rowBlock));
        Run(transA, transB, m, n, k, alpha, a, b, beta, c, threads, rowBlock);
    }

    /// <summary>
    /// As <see cref="Run{T}(bool, bool, int, int, int, T, ReadOnlySpan{T}, ReadOnlySpan{T}, T, Span{T})"/>, with A stored
    /// (m×k, or k×m when <paramref name="transA"/>) as blocks of <paramref name="aBlock"/> rows laid out [cols, aBlock]:
    /// stored entry (r, s) lives at A[(r / aBlock)·aBlock·cols + s·aBlock + r mod aBlock]. NCHW images read as the rows
    /// [N·H·W, C] of their pixels are such a matrix (aBlock = H·W), so convolutions need no permute. Each entry of C is the
    /// same sum in the same order as with A row-major, so the values are bit-identical to it.
    /// </summary>
    public static void RunBlockedA<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, ReadOnlySpan<T> b, T beta, Span<T> c, int aBlock)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (aBlock < 1 || (transA ? k : m) % aBlock != 0)
            throw new ArgumentException($"ManagedGemm: aBlock {aBlock} must be ≥ 1 and divide the {(transA ? k : m)} stored rows of A", nameof(aBlock));
        Run(transA, transB, m, n, k, alpha, a, b, beta, c, threads, 0, aBlock);
    }

    /// <summary>
    /// C ← α·Im2Col(x)·op(B) + β·C with the Im2Col matrix of the images x [N, C, H, W] (<paramref name="geometry"/>; m =
    /// N·OH·OW windows, k = C·kH·kW) gathered straight into the packed panels, never materialised; C row-major, or in blocks of
    /// <paramref name="rowBlock"/> rows as in <see cref="RunBlockedRows{T}"/> (0: row-major). The panels hold the very values
    /// Im2Col would write, so the result is bit-identical to Im2Col followed by the product.
    /// </summary>
    public static void RunIm2ColA<T>(bool transB, int n, T alpha, ReadOnlySpan<T> x, int batch, Verify.Networks.Tensors.Conv2dGeometry geometry, ReadOnlySpan<T> b, T beta, Span<T> c, int rowBlock)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = checked(batch * geometry.Windows), k = geometry.PatchSize;
        if (x.Length < (long)batch * geometry.Channels * geometry.Height * geometry.Width)
            throw new ArgumentException($"ManagedGemm: {x.Length} values cannot hold {batch} images of {geometry}", nameof(x));
        if (rowBlock < 0 || (rowBlock > 0 && m % rowBlock != 0)) throw new ArgumentException($"ManagedGemm: rowBlock {rowBlock} must be 0 or divide m = {m}", nameof(rowBlock));
        // A's span only has to be non-empty and pinned: its length check is the one above.
        Run(false, transB, m, n, k, alpha, x, b, beta, c, threads, rowBlock, 0, geometry);
    }

    /// <summary>
    /// C ← α·op(A)·Im2Col(x) + β·C (C row-major, m × C·kH·kW): a convolution's weight product, with the Im2Col matrix of the
    /// images x [N, C, H, W] (<paramref name="geometry"/>; k = N·OH·OW windows) gathered straight into the packed panels, and
    /// A stored in row blocks of <paramref name="aBlock"/> as in <see cref="RunBlockedA{T}"/> (0: plain). Bit-identical to
    /// Im2Col followed by the product.
    /// </summary>
    public static void RunIm2ColB<T>(bool transA, int m, T alpha, ReadOnlySpan<T> a, int aBlock, ReadOnlySpan<T> x, int batch, Verify.Networks.Tensors.Conv2dGeometry geometry, T beta, Span<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = checked(batch * geometry.Windows), n = geometry.PatchSize;
        if (x.Length < (long)batch * geometry.Channels * geometry.Height * geometry.Width)
            throw new ArgumentException($"ManagedGemm: {x.Length} values cannot hold {batch} images of {geometry}", nameof(x));
        if (aBlock < 0 || (aBlock > 0 && (transA ? k : m) % aBlock != 0))
            throw new ArgumentException($"ManagedGemm: aBlock {aBlock} must be 0 or divide the {(transA ? k : m)} stored rows of A", nameof(aBlock));
        Run(transA, false, m, n, k, alpha, a, x, beta, c, threads, 0, aBlock, bWindows: geometry);
    }

    private static void Run<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, ReadOnlySpan<T> b, T beta, Span<T> c, int maxThreads, int rowBlock, int aBlock = 0,
        Verify.Networks.Tensors.Conv2dGeometry? windows = null, Verify.Networks.Tensors.Conv2dGeometry? bWindows = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (maxThreads < 1) throw new ArgumentException("maxThreads must be at least 1", nameof(maxThreads));
        if (m < 0 || n < 0 || k < 0) throw new ArgumentException($"ManagedGemm: negative size m={m}, n={n}, k={k}");
        if ((windows is null && a.Length < (long)m * k) || (bWindows is null && b.Length < (long)k * n) || c.Length < (long)m * n)
            throw new ArgumentException($"ManagedGemm: buffers too small for m={m}, n={n}, k={k}");
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
            throw new NotSupportedException($"ManagedGemm supports float and double, not {typeof(T).Name}");
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            if (T.IsZero(beta)) c[..(m * n)].Clear();
            else System.Numerics.Tensors.TensorPrimitives.Multiply(c[..(m * n)], beta, c[..(m * n)]);
            return;
        }
        fixed (T* pa = a, pb = b, pc = c)
        {
            var job = new Job<T>(transA, transB, m, n, k, alpha, beta, pa, pb, pc, rowBlock: rowBlock, aBlock: aBlock, windows: windows, bWindows: bWindows);
            if (Level == 0) { Scalar(job); return; }
            int mr = Level == 2 ? 8 : 6, nr = 2 * (Level == 2 ? Vector512<T>.Count : Vector256<T>.Count);
            if (n < nr && m > n && rowBlock == 0 && aBlock == 0 && windows is null && bWindows is null)
            {
                // A narrow C (fewer columns than one register tile, e.g. a weight gradient [64, 16] summed over 12 544 rows)
                // would leave most of each tile empty: compute Cᵀ = op(B)ᵀ·op(A)ᵀ instead and write it back transposed.
                // Every entry is the same sum of the same products in the same order, so the result is bit-identical.
                job = new Job<T>(!transB, !transA, n, m, k, alpha, beta, pb, pa, pc, transC: true);
                (m, n) = (n, m);
            }
            int parts = 2.0 * m * n * k < ParallelFlops ? 1 : Math.Min(maxThreads, Environment.ProcessorCount);
            if (parts <= 1) { Blocked(job, 0, m, 0, n, mr, nr); return; }
            // Split C into independent rectangles: by columns when there are enough column panels, else by rows.
            int colPanels = (n + nr - 1) / nr, rowPanels = (m + mr - 1) / mr;
            // Each part packs all of the operand it does not split: columns repack op(A) (m·k) per part, rows op(B) (k·n),
            // so split the dimension whose unsplit operand is the smaller one (columns when m ≤ n), given enough panels.
            bool byCols = rowPanels < parts || (colPanels >= parts && m <= n);
            int panels = byCols ? colPanels : rowPanels, unit = byCols ? nr : mr, extent = byCols ? n : m;
            parts = Math.Min(parts, panels);
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, t =>
            {
                int lo = Math.Min(extent, (int)((long)panels * t / parts) * unit), hi = Math.Min(extent, (int)((long)panels * (t + 1) / parts) * unit);
                if (lo >= hi) return;
                if (byCols) Blocked(job, 0, m, lo, hi, mr, nr);
                else Blocked(job, lo, hi, 0, n, mr, nr);
            });
        }
    }

    /// <summary>One GEMM call's operands (raw pointers: the caller keeps them pinned for the call).</summary>
    private readonly struct Job<T>(bool transA, bool transB, int m, int n, int k, T alpha, T beta, T* a, T* b, T* c, bool transC = false, int rowBlock = 0, int aBlock = 0,
        Verify.Networks.Tensors.Conv2dGeometry? windows = null, Verify.Networks.Tensors.Conv2dGeometry? bWindows = null)
        where T : unmanaged
    {
        /// <summary>null, or op(B) (untransposed) is the Im2Col matrix of the images at B in this geometry, never materialised: rows are windows.</summary>
        public readonly Verify.Networks.Tensors.Conv2dGeometry? BWindows = bWindows;

        /// <summary>null, or op(A) is the Im2Col matrix of the images at A (NCHW) in this geometry, never materialised: rows are windows, columns patch entries.</summary>
        public readonly Verify.Networks.Tensors.Conv2dGeometry? Windows = windows;

        /// <summary>0, or A is stored in blocks of rows: stored entry (r, s) lives at A[(r / ABlock)·ABlock·cols + s·ABlock + r mod ABlock].</summary>
        public readonly int ABlock = aBlock;

        public readonly bool TransA = transA, TransB = transB;

        /// <summary>0, or C is stored in blocks of rows: entry (i, j) lives at C[(i / RowBlock)·RowBlock·N + j·RowBlock + i mod RowBlock].</summary>
        public readonly int RowBlock = rowBlock;

        /// <summary>C is stored transposed: entry (i, j) of this job's C lives at C[j·M + i].</summary>
        public readonly bool TransC = transC;
        public readonly int M = m, N = n, K = k;
        public readonly T Alpha = alpha, Beta = beta;
        public readonly T* A = a, B = b, C = c;
    }

    /// <summary>The blocked product restricted to rows [r0, r1) and columns [c0, c1) of C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Blocked<T>(in Job<T> job, int r0, int r1, int c0, int c1, int mr, int nr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int ncMax = Math.Min(NC, RoundUp(c1 - c0, nr)), mcMax = Math.Min(RoundUp(MC, mr), RoundUp(r1 - r0, mr));
        var bufs = Buffers.Get(sizeof(T) * (KC * ncMax + KC * mcMax + mr * nr + (job.Windows is null ? 0 : mr * KC)));
        T* bPack = (T*)bufs, aPack = bPack + KC * ncMax, tile = aPack + KC * mcMax, rows = tile + mr * nr;
        for (int jc = c0; jc < c1; jc += NC)
        {
            int nc = Math.Min(NC, c1 - jc);
            for (int pc = 0; pc < job.K; pc += KC)
            {
                int kc = Math.Min(KC, job.K - pc);
                bool first = pc == 0;
                if (job.BWindows is { } gb) PackBIm2Col(job, gb, pc, kc, jc, nc, nr, bPack);
                else PackB(job, pc, kc, jc, nc, nr, bPack);
                for (int ic = r0; ic < r1; ic += mcMax)
                {
                    int mc = Math.Min(mcMax, r1 - ic);
                    if (job.Windows is { } geo) PackAIm2Col(job, geo, ic, mc, pc, kc, mr, aPack, rows);
                    else PackA(job, ic, mc, pc, kc, mr, aPack);
                    for (int jr = 0; jr < nc; jr += nr)
                    {
                        int nb = Math.Min(nr, nc - jr);
                        T* bp = bPack + (long)jr * kc;
                        for (int ir = 0; ir < mc; ir += mr)
                        {
                            int mb = Math.Min(mr, mc - ir);
                            T* ap = aPack + (long)ir * kc;
                            if (mr == 8) Kernel8x2(ap, bp, kc, tile);
                            else Kernel6x2(ap, bp, kc, tile);
                            Update(job, tile, nr, ic + ir, mb, jc + jr, nb, first);
                        }
                    }
                }
            }
        }
    }

    /// <summary>C tile ← α·tile + (first k-block ? β·C : C); β = 0 ignores C's old contents (as BLAS does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Update<T>(in Job<T> job, T* tile, int nr, int i0, int mb, int j0, int nb, bool first)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T alpha = job.Alpha, beta = first ? job.Beta : T.One;
        bool overwrite = first && T.IsZero(job.Beta);
        // A transposed C is the one-block case of the blocked layout: entry (i, j) at C[j·M + i].
        int rowBlock = job.RowBlock > 0 ? job.RowBlock : job.TransC ? job.M : 0;
        if (rowBlock > 0)
        {
            int rb = rowBlock;
            if (typeof(T) == typeof(float) && Avx.IsSupported && mb == 8 && (i0 % rb) + 8 <= rb)
            {
                // The 8 rows lie in one block, so each column of the tile is 8 consecutive floats of C: transpose the tile
                // 8 columns at a time in registers, then α·t (+ β·c) on whole vectors (the same roundings as the scalar loop).
                float* cb = (float*)job.C + (long)(i0 / rb) * rb * job.N + i0 % rb;
                float* tt = stackalloc float[64];
                var fa = Vector256.Create(float.CreateTruncating(alpha)); var fb = Vector256.Create(float.CreateTruncating(beta));
                int j = 0;
                for (; j + 8 <= nb; j += 8)
                {
                    Transpose8x8((float*)tile + j, nr, tt, 8);
                    for (int q = 0; q < 8; q++)
                    {
                        float* cp = cb + (long)(j0 + j + q) * rb;
                        var t = fa * Vector256.Load(tt + q * 8);
                        Vector256.Store(overwrite ? t : t + fb * Vector256.Load(cp), cp);
                    }
                }
                for (int r = 0; r < 8 && j < nb; r++)
                {
                    float* cr = cb + r + (long)j0 * rb;
                    float* tr = (float*)tile + r * nr;
                    float fa1 = float.CreateTruncating(alpha), fb1 = float.CreateTruncating(beta);
                    for (int jj = j; jj < nb; jj++) cr[(long)jj * rb] = overwrite ? fa1 * tr[jj] : fa1 * tr[jj] + fb1 * cr[(long)jj * rb];
                }
                return;
            }
            for (int r = 0; r < mb; r++)
            {
                int i = i0 + r;
                T* cr = job.C + (long)(i / rb) * rb * job.N + i % rb + (long)j0 * rb;
                T* tr = tile + r * nr;
                if (overwrite) for (int j = 0; j < nb; j++) cr[(long)j * rb] = alpha * tr[j];
                else for (int j = 0; j < nb; j++) cr[(long)j * rb] = alpha * tr[j] + beta * cr[(long)j * rb];
            }
            return;
        }
        int w = Vector256<T>.Count, full = Vector256.IsHardwareAccelerated ? nb - nb % w : 0;
        var va = Vector256.Create(alpha); var vb = Vector256.Create(beta);
        for (int r = 0; r < mb; r++)
        {
            T* cr = job.C + (long)(i0 + r) * job.N + j0;
            T* tr = tile + r * nr;
            int j = 0;
            if (overwrite)
            {
                for (; j < full; j += w) Vector256.Store(va * Vector256.Load(tr + j), cr + j);
                for (; j < nb; j++) cr[j] = alpha * tr[j];
            }
            else
            {
                // α·t + β·c with separate roundings, the same expression as the scalar tail.
                for (; j < full; j += w) Vector256.Store(va * Vector256.Load(tr + j) + vb * Vector256.Load(cr + j), cr + j);
                for (; j < nb; j++) cr[j] = alpha * tr[j] + beta * cr[j];
            }
        }
    }

    /// <summary>Scalar fallback (no SIMD): row i of C accumulates Σ_p op(A)[i,p]·op(B)[p,:] with p ascending, then C ← α·acc + β·C.</summary>
    private static void Scalar<T>(in Job<T> job)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var acc = new T[job.N];
        for (int i = 0; i < job.M; i++)
        {
            Array.Clear(acc);
            for (int p = 0; p < job.K; p++)
            {
                T aip = job.Windows is { } geo ? Im2ColAt(job.A, geo, i, p) : job.A[AIndex(job, i, p)];
                for (int j = 0; j < job.N; j++)
                    acc[j] += aip * (job.BWindows is { } gb ? Im2ColAt(job.B, gb, p, j) : job.TransB ? job.B[(long)j * job.K + p] : job.B[(long)p * job.N + j]);
            }
            int rb = job.RowBlock;
            T* cr = rb > 0 ? job.C + (long)(i / rb) * rb * job.N + i % rb : job.C + (long)i * job.N;
            long stride = rb > 0 ? rb : 1;
            bool overwrite = T.IsZero(job.Beta);
            for (int j = 0; j < job.N; j++)
                cr[j * stride] = overwrite ? job.Alpha * acc[j] : job.Alpha * acc[j] + job.Beta * cr[j * stride];
        }
    }

    /// <summary>Where op(A)(i, p) is stored (any layout; for the scalar paths).</summary>
    private static long AIndex<T>(in Job<T> job, int i, int p) where T : unmanaged
    {
        int r = job.TransA ? p : i, s = job.TransA ? i : p, cols = job.TransA ? job.M : job.K, ab = job.ABlock;
        return ab > 0 ? (long)(r / ab) * ab * cols + (long)s * ab + r % ab : (long)r * cols + s;
    }

    /// <summary>Per-thread packing buffers, 64-byte aligned, grown on demand and kept for the thread's life.</summary>
    private static class Buffers
    {
        [ThreadStatic] private static void* buffer;
        [ThreadStatic] private static nuint size;

        public static void* Get(int bytes)
        {
            if ((nuint)bytes > size)
            {
                if (buffer != null) NativeMemory.AlignedFree(buffer);
                buffer = NativeMemory.AlignedAlloc((nuint)bytes, 64);
                size = (nuint)bytes;
            }
            return buffer;
        }
    }

    /// <summary>dst[i·ldd + r] = src[r·lds + i] for r, i &lt; 8 (an 8×8 float block transposed in registers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* src, long lds, float* dst, int ldd)
    {
        var r0 = Avx.LoadVector256(src); var r1 = Avx.LoadVector256(src + lds);
        var r2 = Avx.LoadVector256(src + 2 * lds); var r3 = Avx.LoadVector256(src + 3 * lds);
        var r4 = Avx.LoadVector256(src + 4 * lds); var r5 = Avx.LoadVector256(src + 5 * lds);
        var r6 = Avx.LoadVector256(src + 6 * lds); var r7 = Avx.LoadVector256(src + 7 * lds);
        var t0 = Avx.UnpackLow(r0, r1); var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3); var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5); var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7); var t7 = Avx.UnpackHigh(r6, r7);
        var u0 = Avx.Shuffle(t0, t2, 0x44); var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44); var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44); var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44); var u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(dst, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(dst + ldd, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(dst + 2 * ldd, Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(dst + 3 * ldd, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(dst + 4 * ldd, Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(dst + 5 * ldd, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(dst + 6 * ldd, Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(dst + 7 * ldd, Avx.Permute2x128(u3, u7, 0x31));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma<T>(Vector512<T> a, Vector512<T> b, Vector512<T> c) where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        return Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c) where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        return Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }
}
