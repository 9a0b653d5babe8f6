using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Verify.Networks.Native;

/// <summary>Packing of the operands into the micro-kernel's panels (see <see cref="ManagedGemm"/> for the layout).</summary>
public static unsafe partial class ManagedGemm
{
    private static int RoundUp(int v, int unit) => (v + unit - 1) / unit * unit;

    /// <summary>op(A)[i0.., p0..] (mc × kc) → panels of mr rows, each stored p-major: panel[p·mr + r]; rows past m are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackA<T>(in Job<T> job, int i0, int mc, int p0, int kc, int mr, T* dst)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (job.ABlock > 0) { PackABlocked(job, i0, mc, p0, kc, mr, dst); return; }
        for (int ir = 0; ir < mc; ir += mr)
        {
            int mb = Math.Min(mr, mc - ir);
            T* panel = dst + (long)ir * kc;
            if (job.TransA)
            {
                // A stored k×m: the mr values of one p are contiguous.
                for (int p = 0; p < kc; p++)
                {
                    T* src = job.A + (long)(p0 + p) * job.M + i0 + ir;
                    T* d = panel + p * mr;
                    int r = 0;
                    for (; r < mb; r++) d[r] = src[r];
                    for (; r < mr; r++) d[r] = T.Zero;
                }
            }
            else
            {
                // A stored m×k: full float panels of 8 rows go through 8×8 register transposes, the rest element-wise.
                int pStart = 0;
                if (typeof(T) == typeof(float) && Avx.IsSupported && mr == 8 && mb == 8)
                    for (T* src = job.A + (long)(i0 + ir) * job.K + p0; pStart + 8 <= kc; pStart += 8)
                        Transpose8x8((float*)(src + pStart), job.K, (float*)(panel + pStart * 8), 8);
                for (int r = 0; r < mb; r++)
                {
                    T* src = job.A + (long)(i0 + ir + r) * job.K + p0;
                    for (int p = pStart; p < kc; p++) panel[p * mr + r] = src[p];
                }
                for (int r = mb; r < mr; r++)
                    for (int p = 0; p < kc; p++) panel[p * mr + r] = T.Zero;
            }
        }
    }

    /// <summary>
    /// <see cref="PackA{T}"/> for A stored in row blocks (<see cref="Job{T}.ABlock"/>). Untransposed, the rows of one block
    /// are contiguous for each p, so a panel inside one block is copied p by p; transposed, the p of one block are
    /// contiguous for each row, so float panels go through 8×8 register transposes where 8 p lie in one block.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackABlocked<T>(in Job<T> job, int i0, int mc, int p0, int kc, int mr, T* dst)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int ab = job.ABlock;
        for (int ir = 0; ir < mc; ir += mr)
        {
            int mb = Math.Min(mr, mc - ir), i = i0 + ir;
            T* panel = dst + (long)ir * kc;
            if (!job.TransA)
            {
                // Stored m×k: (i, p) at (i / ab)·ab·K + p·ab + i mod ab.
                if (mb == mr && i % ab + mr <= ab)
                {
                    T* src = job.A + (long)(i / ab) * ab * job.K + i % ab + (long)p0 * ab;
                    int w = Vector256<T>.Count;
                    if (Vector256.IsHardwareAccelerated && mr % w == 0)
                        for (int p = 0; p < kc; p++, src += ab)
                            for (int r = 0; r < mr; r += w) Vector256.Store(Vector256.Load(src + r), panel + p * mr + r);
                    else
                        for (int p = 0; p < kc; p++, src += ab)
                            for (int r = 0; r < mr; r++) panel[p * mr + r] = src[r];
                    continue;
                }
                for (int r = 0; r < mb; r++)
                {
                    T* src = job.A + (long)((i + r) / ab) * ab * job.K + (i + r) % ab + (long)p0 * ab;
                    for (int p = 0; p < kc; p++) panel[p * mr + r] = src[(long)p * ab];
                }
            }
            else
            {
                // Stored k×m: (p, i) at (p / ab)·ab·M + i·ab + p mod ab.
                int p = 0;
                while (p < kc)
                {
                    int q = p0 + p, run = Math.Min(kc - p, ab - q % ab); // p .. p + run lie in one block
                    T* src = job.A + (long)(q / ab) * ab * job.M + q % ab + (long)i * ab;
                    int j = 0;
                    if (typeof(T) == typeof(float) && Avx.IsSupported && mr == 8 && mb == 8)
                        for (; j + 8 <= run; j += 8)
                            Transpose8x8((float*)(src + j), ab, (float*)(panel + (p + j) * 8), 8);
                    for (; j < run; j++)
                        for (int r = 0; r < mb; r++) panel[(p + j) * mr + r] = src[j + (long)r * ab];
                    p += run;
                }
            }
            for (int r = mb; r < mr; r++)
                for (int p = 0; p < kc; p++) panel[p * mr + r] = T.Zero;
        }
    }

    /// <summary>op(B)[p0.., j0..] (kc × nc) → panels of nr columns, each stored p-major: panel[p·nr + j]; columns past n are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackB<T>(in Job<T> job, int p0, int kc, int j0, int nc, int nr, T* dst)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int jr = 0; jr < nc; jr += nr)
        {
            int nb = Math.Min(nr, nc - jr);
            T* panel = dst + (long)jr * kc;
            if (job.TransB)
            {
                // B stored n×k: column j of op(B) is row j of B. Read nb rows side by side (p ascending) so the panel is
                // written contiguously; float panels go through 8×8 register transposes where whole blocks fit.
                T* src0 = job.B + (long)(j0 + jr) * job.K + p0;
                long ldb = job.K;
                int p = 0;
                if (typeof(T) == typeof(float) && Avx.IsSupported && nb == nr)
                    for (; p + 8 <= kc; p += 8)
                        for (int j = 0; j < nr; j += 8)
                            Transpose8x8((float*)(src0 + j * ldb + p), ldb, (float*)(panel + p * nr + j), nr);
                for (; p < kc; p++)
                {
                    T* d = panel + p * nr;
                    T* s = src0 + p;
                    int j = 0;
                    for (; j < nb; j++) d[j] = s[j * ldb];
                    for (; j < nr; j++) d[j] = T.Zero;
                }
            }
            else
            {
                for (int p = 0; p < kc; p++)
                {
                    T* src = job.B + (long)(p0 + p) * job.N + j0 + jr;
                    T* d = panel + p * nr;
                    if (nb == nr)
                        for (int j = 0; j < nr; j += Vector256<T>.Count) Vector256.Store(Vector256.Load(src + j), d + j);
                    else
                    {
                        int j = 0;
                        for (; j < nb; j++) d[j] = src[j];
                        for (; j < nr; j++) d[j] = T.Zero;
                    }
                }
            }
        }
    }
}
