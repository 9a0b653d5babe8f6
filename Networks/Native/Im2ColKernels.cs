using System.Numerics;
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
        Parallelism.For(batch, (long)batch * g.Windows * g.PatchSize, n =>
        {
            fixed (T* px = x, pc = cols) ImageBack(pc + (long)n * geo.Windows * geo.PatchSize, geo, px + (long)n * geo.Channels * geo.Height * geo.Width);
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
}
