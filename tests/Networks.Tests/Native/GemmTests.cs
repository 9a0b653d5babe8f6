using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.Networks.Init;
using Verify.Networks.Native;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Native;

/// <summary>The GEMM front door (whichever back end the policy picks, and OpenBLAS directly when present) against the naive triple loop, and the back-end policy.</summary>
public sealed class GemmTests
{
    private static Gen<(int M, int N, int K, bool TA, bool TB, int Seed)> Cases =>
        from m in Gen.Choose(1, 70) from n in Gen.Choose(1, 70) from k in Gen.Choose(1, 70)
        from ta in Gen.Elements(false, true) from tb in Gen.Elements(false, true) from seed in Gen.Choose(0, 1000)
        select (m, n, k, ta, tb, seed);

    [Property(MaxTest = 60)]
    public Property DgemmMatchesTheTripleLoop() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var rng = new Rng(c.Seed);
        var a = new double[c.M * c.K]; var b = new double[c.K * c.N]; var c0 = new double[c.M * c.N];
        rng.FillUniform<double>(a, -1, 1); rng.FillUniform<double>(b, -1, 1); rng.FillUniform<double>(c0, -1, 1);
        var blas = (double[])c0.Clone(); var naive = (double[])c0.Clone();
        Gemm.Run(c.TA, c.TB, c.M, c.N, c.K, 1.5, a, b, -0.5, blas.AsSpan());
        Gemm.Naive(c.TA, c.TB, c.M, c.N, c.K, 1.5, a, b, -0.5, naive.AsSpan());
        Tolerance.Close(naive, blas, 1e-12, 1e-12 * c.K);
        return true;
    });

    [Property(MaxTest = 60)]
    public Property SgemmMatchesTheTripleLoop() => Prop.ForAll(Cases.ToArbitrary(), c =>
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
    });

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
    public void ThreadsAreVisible() => Assert.True(Gemm.Threads >= 1);

    [Fact]
    public void OpenBlasPathMatchesTheTripleLoopWhenPresent()
    {
        // The OpenBLAS path checked directly, whatever back end the policy chose (skipped where OpenBLAS is absent).
        if (Gemm.CoreName == "unavailable") return;
        foreach (var (ta, tb) in new[] { (false, false), (false, true), (true, false), (true, true) })
        {
            var rng = new Rng(ta ? 3 : 4);
            int m = 37, n = 65, k = 33;
            var a = new double[m * k]; var b = new double[k * n]; var c0 = new double[m * n];
            rng.FillUniform<double>(a, -1, 1); rng.FillUniform<double>(b, -1, 1); rng.FillUniform<double>(c0, -1, 1);
            var blas = (double[])c0.Clone(); var naive = (double[])c0.Clone();
            Gemm.OpenBlasRun(ta, tb, m, n, k, 0.5, a, b, 2.0, blas.AsSpan());
            Gemm.Naive(ta, tb, m, n, k, 0.5, a, b, 2.0, naive.AsSpan());
            Tolerance.Close(naive, blas, 1e-12, 1e-12 * k);
        }
    }

    [Fact]
    public void EngineNeverSetsTheOpenBlasCoreType()
    {
        // "Leave OPENBLAS_CORETYPE as the machine sets it": loading OpenBLAS and running a product leaves the process
        // environment as it was (the native one is what OpenBLAS reads; .NET mirrors the inherited variables).
        string? before = Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE");
        _ = Gemm.CoreName;
        _ = Gemm.Backend;
        Gemm.Run(false, false, 1, 1, 1, 1.0, new[] { 2.0 }, new[] { 3.0 }, 0.0, new double[1]);
        Assert.Equal(before, Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE"));
        Assert.Equal(before, NativeGetEnv("OPENBLAS_CORETYPE"));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getenv")]
    private static extern IntPtr GetEnv([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string name);

    private static string? NativeGetEnv(string name) =>
        OperatingSystem.IsLinux() ? System.Runtime.InteropServices.Marshal.PtrToStringUTF8(GetEnv(name)) : Environment.GetEnvironmentVariable(name);

    [Fact]
    public void BackendFollowsThePolicy()
    {
        string? forced = Environment.GetEnvironmentVariable(Gemm.BackendVariable);
        string? core = Gemm.CoreName == "unavailable" ? null : Gemm.CoreName;
        Assert.Equal(Gemm.Choose(forced, core, Gemm.CpuLevel()), Gemm.Backend);
    }

    [Theory]
    [InlineData(null, "Prescott", 3, "managed")]
    [InlineData(null, "Core2", 2, "managed")]
    [InlineData(null, "Nehalem", 3, "managed")]
    [InlineData(null, "Katmai", 0, "managed")]
    [InlineData(null, "unknown", 0, "managed")]
    [InlineData(null, null, 3, "managed")]
    [InlineData(null, "Sandybridge", 2, "managed")]
    [InlineData(null, "Sandybridge", 1, "openblas")]
    [InlineData(null, "Haswell", 3, "managed")]
    [InlineData(null, "Haswell", 2, "openblas")]
    [InlineData(null, "Zen", 2, "openblas")]
    [InlineData(null, "SkylakeX", 3, "openblas")]
    [InlineData(null, "Cooperlake", 3, "openblas")]
    [InlineData("", "SkylakeX", 3, "openblas")]
    [InlineData("managed", "SkylakeX", 3, "managed")]
    [InlineData(" OpenBLAS ", "Prescott", 3, "openblas")]
    public void ChooseAppliesThePolicy(string? forced, string? core, int cpuLevel, string expected) =>
        Assert.Equal(expected, Gemm.Choose(forced, core, cpuLevel));

    [Fact]
    public void ForcingAMissingOpenBlasIsAClearError()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Gemm.Choose("openblas", null, 3));
        Assert.Contains("libopenblas", e.Message);
        var bad = Assert.Throws<ArgumentException>(() => Gemm.Choose("mkl", "SkylakeX", 3));
        Assert.Contains("VERIFY_GEMM", bad.Message);
    }

    [Fact]
    public void CoreLevelsRankTheFamilies()
    {
        Assert.Equal(0, Gemm.CoreLevel("Prescott"));
        Assert.Equal(1, Gemm.CoreLevel("Sandybridge"));
        Assert.Equal(2, Gemm.CoreLevel("HASWELL"));
        Assert.Equal(3, Gemm.CoreLevel("SkylakeX"));
    }
}
