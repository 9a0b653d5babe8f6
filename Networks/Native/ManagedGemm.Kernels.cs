using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Verify.Networks.Native;

// The register-blocked micro-kernels of ManagedGemm (unrolled by hand so every accumulator stays in a register).
public static unsafe partial class ManagedGemm
{
    /// <summary>8×2-vector micro-kernel (Vector512): tile[r·NR + j] = Σ_p a[p·8 + r]·b[p·NR + j], p &lt; kc, NR = 2·Vector512&lt;T&gt;.Count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel8x2<T>(T* a, T* b, int kc, T* tile) where T : unmanaged
    {
        int w = Vector512<T>.Count;
        Vector512<T> c00 = default, c01 = default;
        Vector512<T> c10 = default, c11 = default;
        Vector512<T> c20 = default, c21 = default;
        Vector512<T> c30 = default, c31 = default;
        Vector512<T> c40 = default, c41 = default;
        Vector512<T> c50 = default, c51 = default;
        Vector512<T> c60 = default, c61 = default;
        Vector512<T> c70 = default, c71 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b); var b1 = Vector512.Load(b + w);
            var a0 = Vector512.Create(a[0]); c00 = Fma(a0, b0, c00); c01 = Fma(a0, b1, c01);
            var a1 = Vector512.Create(a[1]); c10 = Fma(a1, b0, c10); c11 = Fma(a1, b1, c11);
            var a2 = Vector512.Create(a[2]); c20 = Fma(a2, b0, c20); c21 = Fma(a2, b1, c21);
            var a3 = Vector512.Create(a[3]); c30 = Fma(a3, b0, c30); c31 = Fma(a3, b1, c31);
            var a4 = Vector512.Create(a[4]); c40 = Fma(a4, b0, c40); c41 = Fma(a4, b1, c41);
            var a5 = Vector512.Create(a[5]); c50 = Fma(a5, b0, c50); c51 = Fma(a5, b1, c51);
            var a6 = Vector512.Create(a[6]); c60 = Fma(a6, b0, c60); c61 = Fma(a6, b1, c61);
            var a7 = Vector512.Create(a[7]); c70 = Fma(a7, b0, c70); c71 = Fma(a7, b1, c71);
            a += 8; b += 2 * w;
        }
        c00.Store(tile + 0 * 2 * w); c01.Store(tile + 0 * 2 * w + w);
        c10.Store(tile + 1 * 2 * w); c11.Store(tile + 1 * 2 * w + w);
        c20.Store(tile + 2 * 2 * w); c21.Store(tile + 2 * 2 * w + w);
        c30.Store(tile + 3 * 2 * w); c31.Store(tile + 3 * 2 * w + w);
        c40.Store(tile + 4 * 2 * w); c41.Store(tile + 4 * 2 * w + w);
        c50.Store(tile + 5 * 2 * w); c51.Store(tile + 5 * 2 * w + w);
        c60.Store(tile + 6 * 2 * w); c61.Store(tile + 6 * 2 * w + w);
        c70.Store(tile + 7 * 2 * w); c71.Store(tile + 7 * 2 * w + w);
    }

    /// <summary>6×2-vector micro-kernel (Vector256): tile[r·NR + j] = Σ_p a[p·6 + r]·b[p·NR + j], p &lt; kc, NR = 2·Vector256&lt;T&gt;.Count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel6x2<T>(T* a, T* b, int kc, T* tile) where T : unmanaged
    {
        int w = Vector256<T>.Count;
        Vector256<T> c00 = default, c01 = default;
        Vector256<T> c10 = default, c11 = default;
        Vector256<T> c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default;
        Vector256<T> c40 = default, c41 = default;
        Vector256<T> c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b); var b1 = Vector256.Load(b + w);
            var a0 = Vector256.Create(a[0]); c00 = Fma(a0, b0, c00); c01 = Fma(a0, b1, c01);
            var a1 = Vector256.Create(a[1]); c10 = Fma(a1, b0, c10); c11 = Fma(a1, b1, c11);
            var a2 = Vector256.Create(a[2]); c20 = Fma(a2, b0, c20); c21 = Fma(a2, b1, c21);
            var a3 = Vector256.Create(a[3]); c30 = Fma(a3, b0, c30); c31 = Fma(a3, b1, c31);
            var a4 = Vector256.Create(a[4]); c40 = Fma(a4, b0, c40); c41 = Fma(a4, b1, c41);
            var a5 = Vector256.Create(a[5]); c50 = Fma(a5, b0, c50); c51 = Fma(a5, b1, c51);
            a += 6; b += 2 * w;
        }
        c00.Store(tile + 0 * 2 * w); c01.Store(tile + 0 * 2 * w + w);
        c10.Store(tile + 1 * 2 * w); c11.Store(tile + 1 * 2 * w + w);
        c20.Store(tile + 2 * 2 * w); c21.Store(tile + 2 * 2 * w + w);
        c30.Store(tile + 3 * 2 * w); c31.Store(tile + 3 * 2 * w + w);
        c40.Store(tile + 4 * 2 * w); c41.Store(tile + 4 * 2 * w + w);
        c50.Store(tile + 5 * 2 * w); c51.Store(tile + 5 * 2 * w + w);
    }
}
