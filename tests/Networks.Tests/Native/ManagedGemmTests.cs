using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.Networks.Init;
using Verify.Networks.Native;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Native;

/// <summary>The managed GEMM (float and double, all four transposes, α and β, edge sizes) against the naive triple loop.</summary>
public sealed class ManagedGemmTests
{
    // Sizes straddle the micro-tile edges (MR = 6 or 8, NR = 8…32), the packing blocks (KC = 256, MC = 96) and 1.
    private static readonly int[] Edge = [1, 2, 5, 7, 8, 9, 15, 16, 17, 31, 33, 47, 65, 97, 130];

    private static Gen<(int M, int N, int K, bool TA, bool TB, double Alpha, double Beta, int Seed)> Cases(int max) =>
        from m in Gen.OneOf(Gen.Choose(1, max), Gen.Elements(Edge))
        from n in Gen.OneOf(Gen.Choose(1, max), Gen.Elements(Edge))
        from k in Gen.OneOf(Gen.Choose(1, max), Gen.Elements(Edge), Gen.Elements(255, 256, 257, 300))
        from ta in Gen.Elements(false, true) from tb in Gen.Elements(false, true)
        from alpha in Gen.Elements(1.0, -0.75, 2.5, 0.0) from beta in Gen.Elements(0.0, 1.0, -0.5)
        from seed in Gen.Choose(0, 10_000)
        select (m, n, k, ta, tb, alpha, beta, seed);

    private static (double[] A, double[] B, double[] C) Operands(int m, int n, int k, int seed)
    {
        var rng = new Rng(seed);
        var a = new double[m * k]; var b = new double[k * n]; var c = new double[m * n];
        rng.FillUniform<double>(a, -1, 1); rng.FillUniform<double>(b, -1, 1); rng.FillUniform<double>(c, -1, 1);
        return (a, b, c);
    }

    [Property(MaxTest = 60)]
    public Property NarrowProductsAreBitIdenticalToTheirTransposes()
    {
        // A C with fewer columns than a register tile is computed as Cᵀ = op(B)ᵀ·op(A)ᵀ and written back transposed; each
        // entry must be the very same float as computing the wide transpose directly (same products, same order, same α/β).
        var cases = from m in Gen.Choose(2, 300) from n in Gen.Choose(1, 31) from k in Gen.OneOf(Gen.Choose(1, 40), Gen.Elements(255, 256, 2000))
                    from ta in Gen.Elements(false, true) from tb in Gen.Elements(false, true)
                    from alpha in Gen.Elements(1.0, -0.75) from beta in Gen.Elements(0.0, -0.5) from seed in Gen.Choose(0, 10_000)
                    where m > n
                    select (M: m, N: n, K: k, TA: ta, TB: tb, Alpha: alpha, Beta: beta, Seed: seed);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (a, b, c0) = Operands(c.M, c.N, c.K, c.Seed);
            float[] F(double[] v) => v.Select(x => (float)x).ToArray();
            var fa = F(a); var fb = F(b);
            var narrow = F(c0);
            ManagedGemm.Run(c.TA, c.TB, c.M, c.N, c.K, (float)c.Alpha, fa, fb, (float)c.Beta, narrow.AsSpan());
            // The wide problem Cᵀ[n×m] = op(B)ᵀ·op(A)ᵀ, with C's old values transposed in.
            var wide = new float[c.N * c.M];
            var old = F(c0);
            for (int i = 0; i < c.M; i++) for (int j = 0; j < c.N; j++) wide[j * c.M + i] = old[i * c.N + j];
            ManagedGemm.Run(!c.TB, !c.TA, c.N, c.M, c.K, (float)c.Alpha, fb, fa, (float)c.Beta, wide.AsSpan());
            for (int i = 0; i < c.M; i++) for (int j = 0; j < c.N; j++) Assert.Equal(wide[j * c.M + i], narrow[i * c.N + j]);
            return true;
        });
    }

    [Property(MaxTest = 60)]
    public Property BlockedRowsAreBitIdenticalToTheRowMajorProduct()
    {
        // C stored as blocks [n, rowBlock] (a convolution's output in NCHW): every entry must be the very same float as the
        // row-major product's, with C's old values (β) read from the same blocked places; narrow n included (no transposed swap).
        var cases = from blocks in Gen.Choose(1, 9) from rb in Gen.OneOf(Gen.Choose(1, 60), Gen.Elements(49, 196))
                    from n in Gen.OneOf(Gen.Choose(1, 70), Gen.Elements(Edge)) from k in Gen.OneOf(Gen.Choose(1, 40), Gen.Elements(255, 256, 300))
                    from ta in Gen.Elements(false, true) from tb in Gen.Elements(false, true)
                    from alpha in Gen.Elements(1.0, -0.75) from beta in Gen.Elements(0.0, 1.0, -0.5) from threads in Gen.Elements(1, 2)
                    from seed in Gen.Choose(0, 10_000)
                    select (M: blocks * rb, RB: rb, N: n, K: k, TA: ta, TB: tb, Alpha: alpha, Beta: beta, Threads: threads, Seed: seed);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (a, b, c0) = Operands(c.M, c.N, c.K, c.Seed);
            float[] F(double[] v) => v.Select(x => (float)x).ToArray();
            var fa = F(a); var fb = F(b);
            var rows = F(c0);
            long At(int i, int j) => (long)(i / c.RB) * c.RB * c.N + (long)j * c.RB + i % c.RB;
            var blocked = new float[c.M * c.N];
            for (int i = 0; i < c.M; i++) for (int j = 0; j < c.N; j++) blocked[At(i, j)] = rows[i * c.N + j];
            ManagedGemm.Run(c.TA, c.TB, c.M, c.N, c.K, (float)c.Alpha, fa, fb, (float)c.Beta, rows.AsSpan(), maxThreads: c.Threads);
            int saved = ManagedGemm.Threads;
            try
            {
                ManagedGemm.Threads = c.Threads;
                ManagedGemm.RunBlockedRows(c.TA, c.TB, c.M, c.N, c.K, (float)c.Alpha, fa, fb, (float)c.Beta, blocked.AsSpan(), c.RB);
            }
            finally { ManagedGemm.Threads = saved; }
            for (int i = 0; i < c.M; i++) for (int j = 0; j < c.N; j++) Assert.Equal(rows[i * c.N + j], blocked[At(i, j)]);
            return true;
        });
    }

    [Property]
    public Property BlockedAIsBitIdenticalToTheRowMajorProduct()
    {
        // A stored in blocks [cols, aBlock] of its stored rows (NCHW pixels read as rows, or a gradient g [N, O, windows]
        // read as g'ᵀ): packed in place, every entry of C must be the very same float (and double) as with A gathered
        // row-major; block sizes that cut 8-row panels and 8-wide register transposes included, any thread count.
        var cases = from blocks in Gen.Choose(1, 6) from ab in Gen.OneOf(Gen.Choose(1, 40), Gen.Elements(49, 196))
                    from other in Gen.OneOf(Gen.Choose(1, 70), Gen.Elements(Edge)) from n in Gen.OneOf(Gen.Choose(1, 70), Gen.Elements(Edge))
                    from ta in Gen.Elements(false, true) from tb in Gen.Elements(false, true)
                    from alpha in Gen.Elements(1.0, -0.75) from beta in Gen.Elements(0.0, -0.5) from threads in Gen.Elements(1, 2)
                    from seed in Gen.Choose(0, 10_000)
                    select (Rows: blocks * ab, AB: ab, Other: other, N: n, TA: ta, TB: tb, Alpha: alpha, Beta: beta, Threads: threads, Seed: seed);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            int m = c.TA ? c.Other : c.Rows, k = c.TA ? c.Rows : c.Other, cols = c.Other;
            var (a, b, c0) = Operands(m, c.N, k, c.Seed);
            var blocked = new double[a.Length];
            for (int r = 0; r < c.Rows; r++)
                for (int s = 0; s < cols; s++) blocked[(long)(r / c.AB) * c.AB * cols + (long)s * c.AB + r % c.AB] = a[r * cols + s];
            int saved = ManagedGemm.Threads;
            try
            {
                ManagedGemm.Threads = c.Threads;
                var plainD = (double[])c0.Clone(); var oursD = (double[])c0.Clone();
                ManagedGemm.Run(c.TA, c.TB, m, c.N, k, c.Alpha, a, b, c.Beta, plainD.AsSpan());
                ManagedGemm.RunBlockedA(c.TA, c.TB, m, c.N, k, c.Alpha, blocked, b, c.Beta, oursD.AsSpan(), c.AB);
                Assert.Equal(plainD, oursD);
                float[] F(double[] v) => v.Select(x => (float)x).ToArray();
                var plainF = F(c0); var oursF = F(c0);
                ManagedGemm.Run(c.TA, c.TB, m, c.N, k, (float)c.Alpha, F(a), F(b), (float)c.Beta, plainF.AsSpan());
                ManagedGemm.RunBlockedA(c.TA, c.TB, m, c.N, k, (float)c.Alpha, F(blocked), F(b), (float)c.Beta, oursF.AsSpan(), c.AB);
                Assert.Equal(plainF, oursF);
            }
            finally { ManagedGemm.Threads = saved; }
            return true;
        });
    }

    [Property(MaxTest = 80)]
    public Property Im2ColInThePackingIsBitIdenticalToIm2ColThenTheProduct()
    {
        // The windows gathered straight into the packed panels must give the very floats (and doubles) of Im2Col followed by
        // the product, C row-major or in NCHW blocks: strides, paddings, kernels whose rows the KC = 256 blocks cut
        // (C·kH·kW up to 324), partial panels, any thread count.
        var cases = from batch in Gen.Choose(1, 3) from ch in Gen.OneOf(Gen.Choose(1, 4), Gen.Elements(16, 17, 36))
                    from h in Gen.Choose(1, 9) from w in Gen.Choose(1, 9) from kh in Gen.Choose(1, 3) from kw in Gen.Choose(1, 4)
                    from sh in Gen.Choose(1, 3) from sw in Gen.Choose(1, 3) from ph in Gen.Choose(0, 2) from pw in Gen.Choose(0, 2)
                    from o in Gen.OneOf(Gen.Choose(1, 40), Gen.Elements(64, 65)) from tb in Gen.Elements(false, true)
                    from blocked in Gen.Elements(false, true) from beta in Gen.Elements(0.0, 1.0) from threads in Gen.Elements(1, 2)
                    from seed in Gen.Choose(0, 10_000)
                    where h + 2 * ph >= kh && w + 2 * pw >= kw
                    select (Batch: batch, G: new Verify.Networks.Tensors.Conv2dGeometry(ch, h, w, kh, kw, sh, sw, ph, pw), O: o, TB: tb, Blocked: blocked, Beta: beta, Threads: threads, Seed: seed);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            int m = c.Batch * c.G.Windows, k = c.G.PatchSize, rb = c.Blocked ? c.G.Windows : 0;
            var (x, b, c0) = Operands(c.Batch * c.G.Channels * c.G.Height * c.G.Width, 1, 1, c.Seed);
            var (_, wgt, cInit) = Operands(m, c.O, k, c.Seed + 1);
            var cols = Verify.Networks.Tensors.Tensor.Im2Col(Verify.Networks.Tensors.Tensor.From(x, c.Batch, c.G.Channels, c.G.Height, c.G.Width), c.G).ToArray();
            int saved = ManagedGemm.Threads;
            try
            {
                ManagedGemm.Threads = c.Threads;
                var expected = (double[])cInit.Clone(); var ours = (double[])cInit.Clone();
                if (c.Blocked) ManagedGemm.RunBlockedRows(false, c.TB, m, c.O, k, 0.5, cols, wgt, c.Beta, expected.AsSpan(), rb);
                else ManagedGemm.Run(false, c.TB, m, c.O, k, 0.5, cols, wgt, c.Beta, expected.AsSpan());
                ManagedGemm.RunIm2ColA(c.TB, c.O, 0.5, x, c.Batch, c.G, wgt, c.Beta, ours.AsSpan(), rb);
                Assert.Equal(expected, ours);
                float[] F(double[] v) => v.Select(z => (float)z).ToArray();
                var expectedF = F(cInit); var oursF = F(cInit);
                if (c.Blocked) ManagedGemm.RunBlockedRows(false, c.TB, m, c.O, k, 0.5f, F(cols), F(wgt), (float)c.Beta, expectedF.AsSpan(), rb);
                else ManagedGemm.Run(false, c.TB, m, c.O, k, 0.5f, F(cols), F(wgt), (float)c.Beta, expectedF.AsSpan());
                ManagedGemm.RunIm2ColA(c.TB, c.O, 0.5f, F(x), c.Batch, c.G, F(wgt), (float)c.Beta, oursF.AsSpan(), rb);
                Assert.Equal(expectedF, oursF);
            }
            finally { ManagedGemm.Threads = saved; }
            return true;
        });
    }

    [Property(MaxTest = 80)]
    public Property Im2ColAsTheSecondOperandIsBitIdenticalToIm2ColThenTheProduct()
    {
        // The weight product op(A)·Im2Col(x): windows gathered straight into B's packed panels, A plain or in NCHW row
        // blocks (a gradient g [N, O, windows] read as g'ᵀ), against Im2Col materialised, in float and double.
        var cases = from batch in Gen.Choose(1, 3) from ch in Gen.OneOf(Gen.Choose(1, 4), Gen.Elements(17, 36))
                    from h in Gen.Choose(1, 9) from w in Gen.Choose(1, 9) from kh in Gen.Choose(1, 3) from kw in Gen.Choose(1, 4)
                    from sh in Gen.Choose(1, 3) from sw in Gen.Choose(1, 3) from ph in Gen.Choose(0, 2) from pw in Gen.Choose(0, 2)
                    from m in Gen.OneOf(Gen.Choose(1, 40), Gen.Elements(64, 65)) from ta in Gen.Elements(false, true)
                    from blocked in Gen.Elements(false, true) from beta in Gen.Elements(0.0, 1.0) from threads in Gen.Elements(1, 2)
                    from seed in Gen.Choose(0, 10_000)
                    where h + 2 * ph >= kh && w + 2 * pw >= kw
                    select (Batch: batch, G: new Verify.Networks.Tensors.Conv2dGeometry(ch, h, w, kh, kw, sh, sw, ph, pw), M: m, TA: ta, Blocked: blocked, Beta: beta, Threads: threads, Seed: seed);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            int k = c.Batch * c.G.Windows, n = c.G.PatchSize, ab = c.Blocked ? (c.TA ? c.G.Windows : 1) : 0;
            var (x, _, _) = Operands(c.Batch * c.G.Channels * c.G.Height * c.G.Width, 1, 1, c.Seed);
            var (a, _, cInit) = Operands(c.M, n, k, c.Seed + 1);
            var cols = Verify.Networks.Tensors.Tensor.Im2Col(Verify.Networks.Tensors.Tensor.From(x, c.Batch, c.G.Channels, c.G.Height, c.G.Width), c.G).ToArray();
            int saved = ManagedGemm.Threads;
            try
            {
                ManagedGemm.Threads = c.Threads;
                var expected = (double[])cInit.Clone(); var ours = (double[])cInit.Clone();
                if (ab > 0) ManagedGemm.RunBlockedA(c.TA, false, c.M, n, k, 0.5, a, cols, c.Beta, expected.AsSpan(), ab);
                else ManagedGemm.Run(c.TA, false, c.M, n, k, 0.5, a, cols, c.Beta, expected.AsSpan());
                ManagedGemm.RunIm2ColB(c.TA, c.M, 0.5, a, ab, x, c.Batch, c.G, c.Beta, ours.AsSpan());
                Assert.Equal(expected, ours);
                float[] F(double[] v) => v.Select(z => (float)z).ToArray();
                var expectedF = F(cInit); var oursF = F(cInit);
                if (ab > 0) ManagedGemm.RunBlockedA(c.TA, false, c.M, n, k, 0.5f, F(a), F(cols), (float)c.Beta, expectedF.AsSpan(), ab);
                else ManagedGemm.Run(c.TA, false, c.M, n, k, 0.5f, F(a), F(cols), (float)c.Beta, expectedF.AsSpan());
                ManagedGemm.RunIm2ColB(c.TA, c.M, 0.5f, F(a), ab, F(x), c.Batch, c.G, (float)c.Beta, oursF.AsSpan());
                Assert.Equal(expectedF, oursF);
            }
            finally { ManagedGemm.Threads = saved; }
            return true;
        });
    }

    [Fact]
    public void BlockedARefusesABlockThatDoesNotDivideTheStoredRows() =>
        Assert.Throws<ArgumentException>(() => ManagedGemm.RunBlockedA(true, false, 2, 2, 6, 1f, new float[12], new float[12], 0f, new float[4], 4));

    [Fact]
    public void BlockedRowsRefuseARowBlockThatDoesNotDivideTheRows() =>
        Assert.Throws<ArgumentException>(() => ManagedGemm.RunBlockedRows(false, false, 6, 2, 2, 1f, new float[12], new float[4], 0f, new float[12], 4));

    [Property(MaxTest = 150)]
    public Property DoubleMatchesTheTripleLoop() => Prop.ForAll(Cases(70).ToArbitrary(), c =>
    {
        var (a, b, c0) = Operands(c.M, c.N, c.K, c.Seed);
        var ours = (double[])c0.Clone(); var naive = (double[])c0.Clone();
        ManagedGemm.Run(c.TA, c.TB, c.M, c.N, c.K, c.Alpha, a, b, c.Beta, ours.AsSpan());
        Gemm.Naive(c.TA, c.TB, c.M, c.N, c.K, c.Alpha, a, b, c.Beta, naive.AsSpan());
        // Different summation order (blocked, fused): each entry differs by at most ~k·2⁻⁵² relative to Σ|a||b| ≤ k.
        Tolerance.Close(naive, ours, 1e-12, 1e-13 * c.K * Math.Max(1, Math.Abs(c.Alpha)));
        return true;
    });

    [Property(MaxTest = 150)]
    public Property FloatMatchesTheTripleLoop() => Prop.ForAll(Cases(70).ToArbitrary(), c =>
    {
        var (a, b, c0) = Operands(c.M, c.N, c.K, c.Seed);
        float[] F(double[] v) => v.Select(x => (float)x).ToArray();
        double[] D(float[] v) => v.Select(x => (double)x).ToArray();
        var fa = F(a); var fb = F(b); var ours = F(c0);
        var naive = D(ours);
        ManagedGemm.Run(c.TA, c.TB, c.M, c.N, c.K, (float)c.Alpha, fa, fb, (float)c.Beta, ours.AsSpan());
        Gemm.Naive(c.TA, c.TB, c.M, c.N, c.K, c.Alpha, D(fa), D(fb), c.Beta, naive.AsSpan());
        // float32 accumulation of k products in [−1, 1], scaled by |α| (+ |β|·|c| rounding): error ≤ (k+2)·2⁻²³·max(1, |α|).
        Tolerance.Close(naive, D(ours), 0, (c.K + 2) * 1.2e-7 * Math.Max(1, Math.Abs(c.Alpha)));
        return true;
    });

    [Fact]
    public void LargeParallelProductsMatchTheTripleLoop()
    {
        // Above ParallelFlops, several KC and MC blocks, and both thread splits (by columns, then by rows).
        foreach (var (m, n, k, ta, tb) in new[] { (130, 257, 600, false, true), (301, 40, 513, true, false), (97, 1100, 70, true, true) })
        {
            var (a, b, _) = Operands(m, n, k, m + n + k);
            var ours = new double[m * n]; var naive = new double[m * n];
            ManagedGemm.Run(ta, tb, m, n, k, 1.0, a, b, 0.0, ours.AsSpan(), maxThreads: 2);
            Gemm.Naive(ta, tb, m, n, k, 1.0, a, b, 0.0, naive.AsSpan());
            Tolerance.Close(naive, ours, 1e-12, 1e-13 * k);
        }
    }

    [Theory]
    [InlineData(200, 300, 700)] // split by columns
    [InlineData(300, 40, 500)]  // split by rows
    public void ResultsAreBitIdenticalForAnyThreadCount(int m, int n, int k)
    {
        var rng = new Rng(9);
        var a = new float[m * k]; var b = new float[n * k];
        rng.FillUniform<float>(a, -1, 1); rng.FillUniform<float>(b, -1, 1);
        var one = new float[m * n]; var two = new float[m * n]; var again = new float[m * n];
        ManagedGemm.Run(false, true, m, n, k, 1f, a, b, 0f, one.AsSpan(), maxThreads: 1);
        ManagedGemm.Run(false, true, m, n, k, 1f, a, b, 0f, two.AsSpan(), maxThreads: 2);
        ManagedGemm.Run(false, true, m, n, k, 1f, a, b, 0f, again.AsSpan(), maxThreads: 2);
        Assert.Equal(one, two);
        Assert.Equal(two, again);
    }

    [Fact]
    public void BetaZeroIgnoresOldContents()
    {
        // As in BLAS: with β = 0, C's old contents (here NaN) are not read.
        var a = new double[] { 1, 2, 3, 4 }; var b = new double[] { 5, 6, 7, 8 };
        var c = new[] { double.NaN, double.NaN, double.NaN, double.NaN };
        ManagedGemm.Run(false, false, 2, 2, 2, 1.0, a, b, 0.0, c.AsSpan());
        Assert.Equal(new double[] { 19, 22, 43, 50 }, c);
    }

    [Fact]
    public void EmptyInnerDimensionScalesC()
    {
        var c = new[] { 1.0, -2.0 };
        ManagedGemm.Run(false, false, 1, 2, 0, 1.0, [], [], 3.0, c.AsSpan());
        Assert.Equal(new[] { 3.0, -6.0 }, c);
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => ManagedGemm.Run(false, false, 2, 2, 2, 1.0, new double[3], new double[4], 0.0, new double[4]));
        Assert.Throws<ArgumentException>(() => ManagedGemm.Run(false, false, 2, 2, 2, 1.0, new double[4], new double[4], 0.0, new double[4], maxThreads: 0));
    }

    [Fact]
    public void IsaMatchesTheHardware() =>
        Assert.Equal(System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? "Vector512"
            : System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Fma.IsSupported ? "Vector256+FMA" : "scalar",
            ManagedGemm.Isa);
}
