using System.Reflection;
using System.Runtime.InteropServices;

namespace Verify.Networks.Native;

/// <summary>
/// P/Invoke bindings to OpenBLAS's CBLAS interface (Debian package libopenblas0-pthread, library libopenblas.so.0).
/// Row-major; transposes are passed as flags, never materialised.
/// <para>
/// Kernel selection: Debian builds OpenBLAS with DYNAMIC_ARCH, which picks its kernels from the CPUID it recognises. On
/// CPUs it does not recognise (measured here: a virtualised "Intel Xeon Processor" with AVX-512) it falls back to
/// "Prescott" (SSE3) kernels, ~10× slower than the AVX-512 ones. Unless the user has set OPENBLAS_CORETYPE, we set it
/// (in the native environment, before the library loads) from the instruction sets .NET detects: AVX-512 (F, BW, DQ,
/// VL) → SkylakeX, AVX2 + FMA → Haswell. <see cref="CoreName"/> reports the kernel OpenBLAS actually uses.
/// </para>
/// </summary>
internal static unsafe partial class OpenBlas
{
    public const string Library = "libopenblas.so.0";
    public const int RowMajor = 101, NoTrans = 111, Trans = 112;

    static OpenBlas()
    {
        ChosenCoreType = ChooseCoreType();
        NativeLibrary.SetDllImportResolver(typeof(OpenBlas).Assembly, Resolve);
    }

    /// <summary>The OPENBLAS_CORETYPE this process set, or null when it left the choice to OpenBLAS (or to the user).</summary>
    public static string? ChosenCoreType { get; }

    private static string? ChooseCoreType()
    {
        if (!OperatingSystem.IsLinux() || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE"))) return null;
        string? core = null;
        if (System.Runtime.Intrinsics.X86.Avx512F.IsSupported && System.Runtime.Intrinsics.X86.Avx512BW.IsSupported
            && System.Runtime.Intrinsics.X86.Avx512DQ.IsSupported && System.Runtime.Intrinsics.X86.Avx512F.VL.IsSupported) core = "SkylakeX";
        else if (System.Runtime.Intrinsics.X86.Avx2.IsSupported && System.Runtime.Intrinsics.X86.Fma.IsSupported) core = "Haswell";
        if (core is null) return null;
        try
        {
            // .NET keeps its own copy of the environment on Unix; OpenBLAS reads the native one with getenv().
            return setenv("OPENBLAS_CORETYPE", core, 0) == 0 ? core : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    /// <summary>The name of the kernel family OpenBLAS runs (e.g. "SkylakeX", "Haswell", "Prescott").</summary>
    public static string CoreName
    {
        get
        {
            EnsureLoaded();
            return Marshal.PtrToStringUTF8(openblas_get_corename()) ?? "unknown";
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Library) return IntPtr.Zero;
        foreach (var candidate in new[] { Library, "libopenblas.so", "/usr/lib/x86_64-linux-gnu/libopenblas.so.0", "libopenblas.dylib", "libopenblas.dll" })
            if (NativeLibrary.TryLoad(candidate, assembly, path, out var handle)) return handle;
        throw new DllNotFoundException(
            "OpenBLAS (libopenblas.so.0) could not be loaded: install it with `apt-get install libopenblas0-pthread` (Debian/Ubuntu)");
    }

    /// <summary>Forces the library to load now, turning a missing library into one clear exception.</summary>
    public static void EnsureLoaded()
    {
        try { _ = openblas_get_num_threads(); }
        catch (DllNotFoundException e) { throw new InvalidOperationException(e.Message, e); }
    }

    [LibraryImport(Library)]
    public static partial void cblas_sgemm(int order, int transA, int transB, int m, int n, int k,
        float alpha, float* a, int lda, float* b, int ldb, float beta, float* c, int ldc);

    [LibraryImport(Library)]
    public static partial void cblas_dgemm(int order, int transA, int transB, int m, int n, int k,
        double alpha, double* a, int lda, double* b, int ldb, double beta, double* c, int ldc);

    [LibraryImport(Library)]
    public static partial void openblas_set_num_threads(int threads);

    [LibraryImport(Library)]
    public static partial int openblas_get_num_threads();

    [LibraryImport(Library)]
    public static partial IntPtr openblas_get_corename();
}
