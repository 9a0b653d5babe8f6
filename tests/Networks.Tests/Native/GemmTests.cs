using FsCheck;
using FsCheck.Fluent;
using Verify.Networks.Init;
using Verify.Networks.Native;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Native;

/// <summary>OpenBLAS GEMM (float and double, all transposes, α and β) against the naive triple loop.</summary>
public sealed class GemmTests
{
    private static Gen<(int M, int N, int K, bool TA, bool TB, int Seed)> Cases =>
        from m in Gen.Choose(1, 70) from n in Gen.Choose(1, 70) from k in Gen.Choose(1, 70)
        from ta in Gen.Elements(false, true) from tb in Gen.Elements(false, true) from seed in Gen.Choose(0, 1000)
        select (m, n, k, ta, tb, seed);

    [Fact]
    public void DgemmMatchesTheTripleLoop() => PropertyCheck.Run(Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var rng = new Rng(c.Seed);
        var a = new double[c.M * c.K]; var b = new double[c.K * c.N]; var c0 = new double[c.M * c.N];
        rng.FillUniform<double>(a, -1, 1); rng.FillUniform<double>(b, -1, 1); rng.FillUniform<double>(c0, -1, 1);
        var blas = (double[])c0.Clone(); var naive = (double[])c0.Clone();
        Gemm.Run(c.TA, c.TB, c.M, c.N, c.K, 1.5, a, b, -0.5, blas.AsSpan());
        Gemm.Naive(c.TA, c.TB, c.M, c.N, c.K, 1.5, a, b, -0.5, naive.AsSpan());
        Tolerance.Close(naive, blas, 1e-12, 1e-12 * c.K);
        return true;
    }), 60);

    [Fact]
    public void SgemmMatchesTheTripleLoop() => PropertyCheck.Run(Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var rng = new Rng(c.Seed);
        var a = new float[c.M * c.K]; var b = new float[c.K * c.N];
        rng.FillUniform<float>(a, -1, 1); rng.FillUniform<float>(b, -1, 1);
        var blas = new float[c.M * c.N]; var naive = new double[c.M * c.N];
        Gemm.Run(c.TA, c.TB, c.M, c.N, c.K, 1f, a, b, 0f, blas.AsSpan());
        Gemm.Naive(c.TA, c.TB, c.M, c.N, c.K, 1.0, a.Select(v => (double)v).ToArray(), b.Select(v => (double)v).ToArray(), 0.0, naive.AsSpan());
        // float32 accumulation of k products in [−1, 1]: error ≤ k·2⁻²³ per entry (a loose but sure bound).
        Tolerance.Close(naive, blas.Select(v => (double)v).ToArray(), 0, c.K * 1.2e-7);
        return true;
    }), 60);

    [Fact]
    public void LargeProductMatchesTheTripleLoop()
    {
        var rng = new Rng(5);
        int m = 130, n = 257, k = 300;
        var a = new double[m * k]; var b = new double[k * n];
        rng.FillUniform<double>(a, -1, 1); rng.FillUniform<double>(b, -1, 1);
        var blas = new double[m * n]; var naive = new double[m * n];
        Gemm.Run(false, true, m, n, k, 1.0, a, b, 0.0, blas.AsSpan());
        Gemm.Naive(false, true, m, n, k, 1.0, a, b, 0.0, naive.AsSpan());
        Tolerance.Close(naive, blas, 1e-11, 1e-12);
    }

    [Fact]
    public void TooSmallBuffersAreRejected() =>
        Assert.Throws<ArgumentException>(() => Gemm.Run(false, false, 2, 2, 2, 1.0, new double[3], new double[4], 0.0, new double[4]));

    [Fact]
    public void OpenBlasThreadsAreVisible() => Assert.True(Gemm.Threads >= 1);

    [Fact]
    public void OpenBlasUsesVectorKernelsOnVectorHardware()
    {
        // Debian's DYNAMIC_ARCH OpenBLAS falls back to SSE3 "Prescott" kernels on CPUs it does not recognise; the engine
        // sets OPENBLAS_CORETYPE from the detected ISA unless the user chose one.
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE"))) return;
        if (!(System.Runtime.Intrinsics.X86.Avx2.IsSupported && System.Runtime.Intrinsics.X86.Fma.IsSupported)) return;
        Assert.NotNull(Gemm.ChosenCoreType);
        Assert.Equal(Gemm.ChosenCoreType, Gemm.CoreName);
    }
}
