using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Verify.Networks.Tensors;

namespace Verify.Networks.Native;

/// <summary>
/// The raw Im2Col / Col2Im loops (see <see cref="Tensor.Im2Col{T}"/>). Images are independent, so a batch is split over
/// the cores by image when the work is large enough (<see cref="Parallelism"/>); each image is written by one thread
/// only and every sum runs in a fixed order, so results do not depend on the number of threads.
/// </summary>
internal static unsafe class Im2ColKernels
{
    /// <summary>cols[(n·OH + oh)·OW + ow, (c·kH + i)·kW + j] = x[n, c, oh·sH − pH + i, ow·sW − pW + j] (0 outside the image).</summary>
    public static void Im2Col<T>(T[] x, int batch, in Conv2dGeometry g, T[] cols) where T : unmanaged
    {
        var geo = g;
        Parallelism.For(batch, (long)batch * g.Windows * g.PatchSize, n =>
        {
            fixed (T* px = x, pc = cols) Image(px + (long)n * geo.Channels * geo.Height * geo.Width, geo, pc + (long)n * geo.Windows * geo.PatchSize);
        });
    }

    /// <summary>x[n, c, h, w] = Σ over the windows containing (h, w) of the matching cols entry (the adjoint of Im2Col).</summary>
    public static void Col2Im<T>(T[] cols, int batch, in Conv2dGeometry g, T[] x) where T : unmanaged, INumberBase<T>
    {
        var geo = g;
        bool rows = typeof(T) == typeof(float) && Avx512F.IsSupported && g.KernelW == 4 && g.Width <= 16;
        Parallelism.For(batch, (long)batch * g.Windows * g.PatchSize, n =>
        {
            fixed (T* px = x, pc = cols)
            {
                T* c = pc + (long)n * geo.Windows * geo.PatchSize, image = px + (long)n * geo.Channels * geo.Height * geo.Width;
                if (rows) ImageBackRows((float*)c, geo, (float*)image);
                else ImageBack(c, geo, image);
            }
        });
    }

    private static void Image<T>(T* x, in Conv2dGeometry g, T* cols) where T : unmanaged
    {
        int H = g.Height, W = g.Width, kh = g.KernelH, kw = g.KernelW, C = g.Channels;
        int rowBytes = kw * sizeof(T);
        for (int oh = 0; oh < g.OutH; oh++)
        {
            int ih0 = oh * g.StrideH - g.PadH;
            for (int ow = 0; ow < g.OutW; ow++)
            {
                int iw0 = ow * g.StrideW - g.PadW;
                int jlo = Math.Max(0, -iw0), jhi = Math.Min(kw, W - iw0);
                bool inside = jlo == 0 && jhi == kw;
                T* dst = cols + ((long)oh * g.OutW + ow) * g.PatchSize;
                for (int c = 0; c < C; c++)
                {
                    T* plane = x + (long)c * H * W;
                    for (int i = 0; i < kh; i++, dst += kw)
                    {
                        int ih = ih0 + i;
                        if ((uint)ih >= (uint)H || jhi <= jlo)
                        {
                            new Span<T>(dst, kw).Clear();
                            continue;
                        }
                        T* src = plane + (long)ih * W + iw0;
                        if (inside) CopyRow(src, dst, kw, rowBytes);
                        else
                        {
                            int j = 0;
                            for (; j < jlo; j++) dst[j] = default;
                            for (; j < jhi; j++) dst[j] = src[j];
                            for (; j < kw; j++) dst[j] = default;
                        }
                    }
                }
            }
        }
    }

    /// <summary>dst[0..kw) = src[0..kw): one unaligned 16- or 32-byte move for the common kernel rows (4 floats, 4 doubles).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void CopyRow<T>(T* src, T* dst, int kw, int bytes) where T : unmanaged
    {
        if (bytes == 16) System.Runtime.CompilerServices.Unsafe.WriteUnaligned(dst, System.Runtime.CompilerServices.Unsafe.ReadUnaligned<System.Runtime.Intrinsics.Vector128<byte>>(src));
        else if (bytes == 32) System.Runtime.CompilerServices.Unsafe.WriteUnaligned(dst, System.Runtime.CompilerServices.Unsafe.ReadUnaligned<System.Runtime.Intrinsics.Vector256<byte>>(src));
        else for (int j = 0; j < kw; j++) dst[j] = src[j];
    }

    private static void ImageBack<T>(T* cols, in Conv2dGeometry g, T* x) where T : unmanaged, INumberBase<T>
    {
        int H = g.Height, W = g.Width, kh = g.KernelH, kw = g.KernelW, C = g.Channels;
        new Span<T>(x, C * H * W).Clear();
        bool vector = System.Runtime.Intrinsics.Vector128<T>.IsSupported && kw == System.Runtime.Intrinsics.Vector128<T>.Count;
        for (int oh = 0; oh < g.OutH; oh++)
        {
            int ih0 = oh * g.StrideH - g.PadH;
            for (int ow = 0; ow < g.OutW; ow++)
            {
                int iw0 = ow * g.StrideW - g.PadW;
                int jlo = Math.Max(0, -iw0), jhi = Math.Min(kw, W - iw0);
                bool inside = jlo == 0 && jhi == kw;
                T* src = cols + ((long)oh * g.OutW + ow) * g.PatchSize;
                for (int c = 0; c < C; c++)
                {
                    T* plane = x + (long)c * H * W;
                    for (int i = 0; i < kh; i++, src += kw)
                    {
                        int ih = ih0 + i;
                        if ((uint)ih >= (uint)H) continue;
                        T* dst = plane + (long)ih * W + iw0;
                        if (inside && vector)
                            System.Runtime.Intrinsics.Vector128.Store(System.Runtime.Intrinsics.Vector128.Load(dst) + System.Runtime.Intrinsics.Vector128.Load(src), dst);
                        else
                            for (int j = jlo; j < jhi; j++) dst[j] += src[j];
                    }
                }
            }
        }
    }
    /// <summary>
    /// <see cref="ImageBack{T}"/> for float images at most 16 pixels wide and 4-wide kernel rows: each image row is summed
    /// in one 16-lane register (lane = pixel column), adding the kernel row of every window that covers it, windows in
    /// ascending order (the order <see cref="ImageBack{T}"/> adds them in, from +0, so the sums are bit-identical; the
    /// lanes a window does not cover add +0, which leaves a sum unchanged since a sum begun at +0 is never −0), then
    /// stored once. No pixel is read back from memory, and overlapping windows cause no store-to-load stalls.
    /// </summary>
    private static void ImageBackRows(float* cols, in Conv2dGeometry g, float* x)
    {
        int H = g.Height, W = g.Width, kh = g.KernelH, P = g.PatchSize, outW = g.OutW;
        // Window column ow covers pixel columns L … L + 3, L = ow·sW − pW: lane l takes its entry l − L when that is 0 … 3.
        Vector512<int>* take = stackalloc Vector512<int>[outW];
        Vector512<float>* keep = stackalloc Vector512<float>[outW];
        var lanes = Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        for (int ow = 0; ow < outW; ow++)
        {
            var d = lanes - Vector512.Create(ow * g.StrideW - g.PadW);
            take[ow] = d & Vector512.Create(3);
            keep[ow] = Vector512.LessThan(d.AsUInt32(), Vector512.Create(4u)).AsSingle();
        }
        var store = Vector512.LessThan(lanes, Vector512.Create(W)).AsSingle();
        for (int c = 0; c < g.Channels; c++)
            for (int y = 0; y < H; y++)
            {
                var acc = Vector512<float>.Zero;
                for (int oh = 0; oh < g.OutH; oh++)
                {
                    int ki = y + g.PadH - oh * g.StrideH;
                    if ((uint)ki >= (uint)kh) continue;
                    float* src = cols + (long)oh * outW * P + (c * kh + ki) * 4;
                    for (int ow = 0; ow < outW; ow++, src += P)
                        acc += Avx512F.PermuteVar16x32(Avx512F.BroadcastVector128ToVector512(src), take[ow]) & keep[ow];
                }
                Avx512F.MaskStore(x + ((long)c * H + y) * W, store, acc);
            }
    }
}
