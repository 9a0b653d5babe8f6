using System.Reflection;
using System.Runtime.InteropServices;

namespace Verify.Networks.Native;

/// <summary>
/// P/Invoke bindings to OpenBLAS's CBLAS interface (Debian package libopenblas0-pthread, library libopenblas.so.0).
/// Row-major; transposes are passed as flags, never materialised.
/// <para>
/// Kernel family: Debian builds OpenBLAS with DYNAMIC_ARCH, which picks its kernels from the CPUID it recognises, or from
/// OPENBLAS_CORETYPE when the user sets it. The engine never sets or changes OPENBLAS_CORETYPE; <see cref="CoreName"/>
/// reports what OpenBLAS chose, and <see cref="Gemm"/> decides from it whether to call OpenBLAS at all.
/// </para>
/// </summary>
internal static unsafe partial class OpenBlas
{
    public const string Library = "libopenblas.so.0";
    public const int RowMajor = 101, NoTrans = 111, Trans = 112;

    static OpenBlas() => NativeLibrary.SetDllImportResolver(typeof(OpenBlas).Assembly, Resolve);

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

    /// <summary>True when the library loads (no exception escapes).</summary>
    public static bool TryLoad()
    {
        try { EnsureLoaded(); return true; }
        catch (InvalidOperationException) { return false; }
        catch (EntryPointNotFoundException) { return false; }
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
