using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Verify.Networks.Tensors;

namespace Verify.Networks.Native;

/// <summary>
/// Gathering of convolution windows into the packed panels (the Im2Col matrix of <see cref="Tensor.Im2Col{T}"/>, never
/// materialised). A packing call reads the same columns (patch entries) of many consecutive windows, so the columns are
/// cut once per call into runs that stay inside one kernel row (<see cref="KernelRun"/>: an offset from the window's top-left
/// pixel and a length), and the windows are walked in order without divisions; a window that lies wholly inside its
/// image copies each run with one vector move when the run is a whole 4-wide kernel row (float 16 bytes, double 32).
/// </summary>
public static unsafe partial class ManagedGemm
{
    /// <summary>Columns [Kj, Kj + Take) of kernel row Ki of one channel: at Offset = c·H·W + Ki·W + Kj from a window's top-left pixel.</summary>
    private struct KernelRun
    {
        public int Offset, Ki, Kj, Take;
    }

    /// <summary>Cuts patch columns [p0, p0 + count) into runs inside one kernel row each (at most count + 1 runs); returns how many.</summary>
    private static int Runs(in Conv2dGeometry g, int p0, int count, KernelRun* runs)
    {
        int n = 0, q = p0, end = p0 + count, kw = g.KernelW;
        int row = q / kw, kj = q % kw; // row = c·kH + ki
        while (q < end)
        {
            int take = Math.Min(kw - kj, end - q), c = row / g.KernelH, ki = row % g.KernelH;
            runs[n++] = new KernelRun { Offset = (c * g.Height + ki) * g.Width + kj, Ki = ki, Kj = kj, Take = take };
            q += take;
            kj = 0;
            row++;
        }
        return n;
    }

    /// <summary>Window i of a batch (n, oh, ow), advanced one window at a time without divisions.</summary>
    private struct WindowCursor(in Conv2dGeometry g, int i)
    {
        private readonly int outH = g.OutH, outW = g.OutW;
        public int N = i / g.Windows, Oh = i % g.Windows / g.OutW, Ow = i % g.OutW;

        public void Next()
        {
            if (++Ow < outW) return;
            Ow = 0;
            if (++Oh < outH) return;
            Oh = 0;
            N++;
        }
    }

    /// <summary>dst[0..Σ take) = the entries of the window at <paramref name="w"/> of the images at x, run by run (0 in the padding).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void GatherWindow<T>(T* x, in Conv2dGeometry g, in WindowCursor w, KernelRun* runs, int count, T* dst)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int H = g.Height, W = g.Width;
        int ih0 = w.Oh * g.StrideH - g.PadH, iw0 = w.Ow * g.StrideW - g.PadW;
        // The window's top-left pixel: outside the image when the window starts in the padding (then only in-range
        // entries are read through it).
        T* origin = x + (long)w.N * g.Channels * H * W + (long)ih0 * W + iw0;
        bool colsInside = iw0 >= 0 && iw0 + g.KernelW <= W;
        if (colsInside && ih0 >= 0 && ih0 + g.KernelH <= H)
        {
            for (int s = 0; s < count; s++)
            {
                int take = runs[s].Take;
                Copy(origin + runs[s].Offset, dst, take);
                dst += take;
            }
            return;
        }
        for (int s = 0; s < count; s++)
        {
            KernelRun r = runs[s];
            int ih = ih0 + r.Ki, col = iw0 + r.Kj;
            if ((uint)ih >= (uint)H)
                for (int j = 0; j < r.Take; j++) dst[j] = T.Zero;
            else if (colsInside || (col >= 0 && col + r.Take <= W)) Copy(origin + r.Offset, dst, r.Take);
            else
            {
                T* src = origin + r.Offset;
                for (int j = 0; j < r.Take; j++) dst[j] = (uint)(col + j) < (uint)W ? src[j] : T.Zero;
            }
            dst += r.Take;
        }
    }

    /// <summary>dst[0..n) = src[0..n): one unaligned 16- or 32-byte move for whole 4-wide kernel rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy<T>(T* src, T* dst, int n) where T : unmanaged
    {
        if (n * sizeof(T) == 16) Unsafe.WriteUnaligned(dst, Unsafe.ReadUnaligned<Vector128<byte>>(src));
        else if (n * sizeof(T) == 32) Unsafe.WriteUnaligned(dst, Unsafe.ReadUnaligned<Vector256<byte>>(src));
        else for (int j = 0; j < n; j++) dst[j] = src[j];
    }

    /// <summary>
    /// <see cref="PackA{T}"/> when op(A) is the Im2Col matrix of the images at job.A: each panel's rows are gathered from
    /// the images into <paramref name="rows"/> (mr × kc, in cache), then transposed into the panel as a row-major A would be.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackAIm2Col<T>(in Job<T> job, in Conv2dGeometry g, int i0, int mc, int p0, int kc, int mr, T* dst, T* rows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelRun* runs = stackalloc KernelRun[kc + 1];
        int count = Runs(g, p0, kc, runs);
        if (typeof(T) == typeof(float) && Avx.IsSupported && mr == 8 && g.KernelW == 4 && p0 % 4 == 0 && kc % 4 == 0 && g.KernelH <= MaxKernelH)
        {
            PackAWindowRows((float*)job.A, g, i0, mc, runs, count, (float*)dst);
            return;
        }
        var w = new WindowCursor(g, i0);
        for (int ir = 0; ir < mc; ir += mr)
        {
            int mb = Math.Min(mr, mc - ir);
            T* panel = dst + (long)ir * kc;
            for (int r = 0; r < mb; r++, w.Next()) GatherWindow(job.A, g, w, runs, count, rows + (long)r * kc);
            int pStart = 0;
            if (typeof(T) == typeof(float) && Avx.IsSupported && mr == 8 && mb == 8)
                for (; pStart + 8 <= kc; pStart += 8)
                    Transpose8x8((float*)(rows + pStart), kc, (float*)(panel + pStart * 8), 8);
            for (int r = 0; r < mb; r++)
            {
                T* src = rows + (long)r * kc;
                for (int p = pStart; p < kc; p++) panel[p * mr + r] = src[p];
            }
            for (int r = mb; r < mr; r++)
                for (int p = 0; p < kc; p++) panel[p * mr + r] = T.Zero;
        }
    }

    /// <summary>
    /// <see cref="PackB{T}"/> when op(B) is the Im2Col matrix of the images at job.B (rows p = windows, columns j = patch
    /// entries): each panel row is a segment of one window, gathered straight from the images; columns past n are zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackBIm2Col<T>(in Job<T> job, in Conv2dGeometry g, int p0, int kc, int j0, int nc, int nr, T* dst)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float) && Avx.IsSupported && g.KernelW == 4 && j0 % 4 == 0 && nc % 4 == 0 && nr % 4 == 0 && g.KernelH <= MaxKernelH)
        {
            PackBWindowRows((float*)job.B, g, p0, kc, j0, nc, nr, (float*)dst);
            return;
        }
        KernelRun* runs = stackalloc KernelRun[nr + 1];
        for (int jr = 0; jr < nc; jr += nr)
        {
            int nb = Math.Min(nr, nc - jr), count = Runs(g, j0 + jr, nb, runs);
            T* panel = dst + (long)jr * kc;
            var w = new WindowCursor(g, p0);
            for (int p = 0; p < kc; p++, w.Next())
            {
                T* d = panel + p * nr;
                GatherWindow(job.B, g, w, runs, count, d);
                for (int j = nb; j < nr; j++) d[j] = T.Zero;
            }
        }
    }

    /// <summary>The tallest kernel the float paths below take (their per-window masks are kept on the stack).</summary>
    private const int MaxKernelH = 16;

    /// <summary>
    /// For float windows of 4-wide kernel rows: the window's top-left pixel (possibly outside the image) and, per kernel
    /// row, the lanes of its 4 entries that lie inside the image (all clear for a row in the padding), for masked loads
    /// that read no memory in the padding.
    /// </summary>
    private static float* WindowMasks(float* x, in Conv2dGeometry g, in WindowCursor w, Vector128<float>* masks)
    {
        int ih0 = w.Oh * g.StrideH - g.PadH, iw0 = w.Ow * g.StrideW - g.PadW;
        var cols = Vector128.Create(iw0) + Vector128.Create(0, 1, 2, 3);
        var inside = Vector128.LessThan(cols.AsUInt32(), Vector128.Create((uint)g.Width)).AsSingle();
        for (int ki = 0; ki < g.KernelH; ki++) masks[ki] = (uint)(ih0 + ki) < (uint)g.Height ? inside : Vector128<float>.Zero;
        return x + (long)w.N * g.Channels * g.Height * g.Width + (long)ih0 * g.Width + iw0;
    }

    /// <summary>
    /// <see cref="PackAIm2Col{T}"/> for float windows of 4-wide kernel rows whose runs are whole kernel rows: for each
    /// run, the 4 entries of 8 windows (masked loads) are transposed in registers into the panel's 4 rows of 8.
    /// </summary>
    private static void PackAWindowRows(float* x, in Conv2dGeometry g, int i0, int mc, KernelRun* runs, int count, float* dst)
    {
        int kh = g.KernelH, kc = 4 * count;
        float** org = stackalloc float*[8];
        Vector128<float>* masks = stackalloc Vector128<float>[8 * MaxKernelH];
        var w = new WindowCursor(g, i0);
        for (int ir = 0; ir < mc; ir += 8)
        {
            int mb = Math.Min(8, mc - ir);
            for (int r = 0; r < 8; r++)
            {
                if (r < mb)
                {
                    org[r] = WindowMasks(x, g, w, masks + r * kh);
                    w.Next();
                }
                else
                {
                    // Rows past m are zero: every lane masked off.
                    org[r] = x;
                    for (int ki = 0; ki < kh; ki++) masks[r * kh + ki] = Vector128<float>.Zero;
                }
            }
            float* d = dst + (long)ir * kc;
            for (int s = 0; s < count; s++, d += 32)
            {
                int off = runs[s].Offset, ki = runs[s].Ki;
                var a0 = Vector256.Create(Avx.MaskLoad(org[0] + off, masks[ki]), Avx.MaskLoad(org[4] + off, masks[4 * kh + ki]));
                var a1 = Vector256.Create(Avx.MaskLoad(org[1] + off, masks[kh + ki]), Avx.MaskLoad(org[5] + off, masks[5 * kh + ki]));
                var a2 = Vector256.Create(Avx.MaskLoad(org[2] + off, masks[2 * kh + ki]), Avx.MaskLoad(org[6] + off, masks[6 * kh + ki]));
                var a3 = Vector256.Create(Avx.MaskLoad(org[3] + off, masks[3 * kh + ki]), Avx.MaskLoad(org[7] + off, masks[7 * kh + ki]));
                // Per 128-bit lane, a 4×4 transpose: row kj of the result holds entry kj of windows 0–3 | 4–7.
                var t0 = Avx.UnpackLow(a0, a1); var t1 = Avx.UnpackHigh(a0, a1);
                var t2 = Avx.UnpackLow(a2, a3); var t3 = Avx.UnpackHigh(a2, a3);
                Avx.Store(d, Avx.Shuffle(t0, t2, 0x44));
                Avx.Store(d + 8, Avx.Shuffle(t0, t2, 0xEE));
                Avx.Store(d + 16, Avx.Shuffle(t1, t3, 0x44));
                Avx.Store(d + 24, Avx.Shuffle(t1, t3, 0xEE));
            }
        }
    }

    /// <summary>
    /// <see cref="PackBIm2Col{T}"/> for float windows of 4-wide kernel rows whose runs are whole kernel rows: each window's
    /// masks are set once, then its runs go to every panel with one masked load each.
    /// </summary>
    private static void PackBWindowRows(float* x, in Conv2dGeometry g, int p0, int kc, int j0, int nc, int nr, float* dst)
    {
        KernelRun* runs = stackalloc KernelRun[nc / 4 + 1];
        int count = Runs(g, j0, nc, runs), perPanel = nr / 4;
        Vector128<float>* masks = stackalloc Vector128<float>[MaxKernelH];
        var w = new WindowCursor(g, p0);
        for (int p = 0; p < kc; p++, w.Next())
        {
            float* origin = WindowMasks(x, g, w, masks);
            for (int s0 = 0; s0 < count; s0 += perPanel)
            {
                float* d = dst + (long)s0 * 4 * kc + p * nr;
                int s1 = Math.Min(count, s0 + perPanel);
                for (int s = s0; s < s1; s++) Avx.Store(d + 4 * (s - s0), Avx.MaskLoad(origin + runs[s].Offset, masks[runs[s].Ki]));
                for (int j = 4 * (s1 - s0); j < nr; j++) d[j] = 0f;
            }
        }
    }

    /// <summary>Entry (i, p) of the Im2Col matrix of the images at x (for the scalar path).</summary>
    private static T Im2ColAt<T>(T* x, in Conv2dGeometry g, int i, int p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T v = T.Zero;
        KernelRun run;
        Runs(g, p, 1, &run);
        GatherWindow(x, g, new WindowCursor(g, i), &run, 1, &v);
        return v;
    }
}
