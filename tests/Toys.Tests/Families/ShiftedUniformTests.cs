using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.TestSupport;
using Verify.Theory;
using Verify.Toys.Families;
using Verify.Toys.Tests.Support;
using Xunit;

namespace Verify.Toys.Tests.Families;

public sealed class ShiftedUniformTests
{
    private static readonly ShiftedUniform Segment = new(1, 2.0);
    private static readonly ShiftedUniform Square = new(2);

    [Fact]
    public void SameSeedSameSampleDifferentSeedDifferent()
    {
        FamilyChecks.Deterministic(Segment.At(0.5));
        FamilyChecks.Deterministic(Square.At(0.5));
    }

    [Fact]
    public void SamplesAreUniformOnTheShiftedBox()
    {
        const int n = 100_000;
        // DKW per coordinate, n = 100 000, δ = 1e-6 each ⇒ ε ≈ 0.0085.
        double[] s = Segment.At(-1.5).SamplePoints(n, 4);
        Tolerance.AtMost(Dkw.Epsilon(n), Dkw.Statistic(s, x => Math.Clamp((x + 1.5) / 2.0, 0, 1)), 0, "KS vs U[−1.5, 0.5]");
        double[] q = Square.At(0.25).SamplePoints(n, 4);
        Tolerance.AtMost(Dkw.Epsilon(n), Dkw.Statistic(Columns.Get(q, 2, 0), x => Math.Clamp(x - 0.25, 0, 1)), 0, "KS of x vs U[0.25, 1.25]");
        Tolerance.AtMost(Dkw.Epsilon(n), Dkw.Statistic(Columns.Get(q, 2, 1), y => Math.Clamp(y, 0, 1)), 0, "KS of y vs U[0, 1]");
    }

    [Fact]
    public void DensityIsOneOverTheVolumeInsideAndZeroOutside()
    {
        Assert.Equal(0.5, Segment.At(1.0).Density([2.0]));
        Assert.Equal(0.0, Segment.At(1.0).Density([3.5]));
        Assert.Equal(1.0, Square.At(1.0).Density([1.5, 0.5]));
        Assert.Equal(0.0, Square.At(1.0).Density([0.5, 0.5]));
        Assert.Throws<ArgumentException>(() => Square.At(1.0).Density([0.5]));
    }

    [Fact]
    public void TangentIsTheFirstAxis()
    {
        FamilyChecks.TangentMatchesFiniteDifference(Segment, 0.3);
        FamilyChecks.TangentMatchesFiniteDifference(Square, -0.3);
    }

    [Property(MaxTest = 40)]
    public Property W1OnSamplesWithCommonNoiseIsExactlyTheShift()
    {
        var thetas = Gen.Choose(-2000, 2000).Select(k => k / 1000.0);
        return Prop.ForAll(thetas.ToArbitrary(), thetas.ToArbitrary(), (t0, t) =>
        {
            double seg = Transport.W1OneD(Segment.At(t0).SamplePoints(200, 1), Segment.At(t).SamplePoints(200, 1));
            double sq = Transport.W1(Square.At(t0).Sample(40, 1), Square.At(t).Sample(40, 1));
            return Tolerance.IsClose(Segment.Exact(t0, t).W1!.Value, seg, 1e-9, 1e-12)
                && Tolerance.IsClose(Square.Exact(t0, t).W1!.Value, sq, 1e-9, 1e-12);
        });
    }

    [Property]
    public Property TvJsKlAgreeWithTheoryOnTheExactCellHistograms()
    {
        // Both densities are constant on cells of width w/K aligned with the shift (θ a multiple of w/K), so the
        // histograms of cell masses have exactly the continuous laws' TV, JS and KL (the density ratio is constant on
        // each cell). Theory's discrete calculators on those histograms are an independent route to the closed form.
        const int k = 40;
        double w = Segment.Width, cell = w / k;
        return Prop.ForAll(Gen.Choose(-100, 100).ToArbitrary(), shift =>
        {
            double t = shift * cell;
            int lo = Math.Min(0, shift), hi = Math.Max(0, shift) + k;   // cells [lo, hi) cover both supports
            double[] edges = Enumerable.Range(lo, hi - lo + 1).Select(i => i * cell).ToArray();
            double[] p = Enumerable.Range(lo, hi - lo).Select(i => i >= 0 && i < k ? 1.0 / k : 0.0).ToArray();
            double[] q = Enumerable.Range(lo, hi - lo).Select(i => i >= shift && i < shift + k ? 1.0 / k : 0.0).ToArray();
            var hp = new Histogram(edges, p);
            var hq = new Histogram(edges, q);
            ExactValues e = Segment.Exact(0, t);
            var (kl, klr) = Divergences.KLBoth(hp, hq);
            return Tolerance.IsClose(e.TV!.Value, Divergences.TV(hp, hq), 1e-12, 1e-14)
                && Tolerance.IsClose(e.JS!.Value, Divergences.JS(hp, hq), 1e-12, 1e-14)
                && Tolerance.IsClose(e.KL!.Value, kl, 1e-12, 1e-14)
                && Tolerance.IsClose(e.KLReverse!.Value, klr, 1e-12, 1e-14);
        });
    }

    [Fact]
    public void TvOfBinnedSamplesIsWithinTheWeissmanBound()
    {
        // Bin n samples of P₀ and of P_θ into the K = 20 aligned unit-width/20 cells of the union of supports
        // (≤ 2K = 40 cells). Weissman et al. (2003): P(‖p̂ − p‖₁ ≥ ε) ≤ (2^m − 2)e^{−nε²/2} for m cells, so with m = 40,
        // n = 200 000 and δ = 1e-6 per sample, ε = √(2(ln(2⁴⁰) + ln(1/δ))/n) ≈ 0.0166 and |TV(p̂, q̂) − TV(p, q)| ≤ ε.
        const int n = 200_000, k = 20;
        double eps = Math.Sqrt(2 * (40 * Math.Log(2) + Math.Log(1e6)) / n);
        foreach (int shift in new[] { 7, 20, -13 })
        {
            double t = shift * Segment.Width / k;
            int lo = Math.Min(0, shift), hi = Math.Max(0, shift) + k;
            double[] Bin(double[] xs)
            {
                var m = new double[hi - lo];
                foreach (double x in xs) m[Math.Clamp((int)Math.Floor(x / (Segment.Width / k)) - lo, 0, hi - lo - 1)] += 1.0 / n;
                return m;
            }
            double tv = Divergences.TV(Bin(Segment.At(0).SamplePoints(n, 1)), Bin(Segment.At(t).SamplePoints(n, 2)));
            Tolerance.Close(Segment.Exact(0, t).TV!.Value, tv, 0, eps, $"binned TV at θ = {t} (Weissman, δ = 2e-6)");
        }
    }

    [Fact]
    public void OverlappingAndDisjointRegimes()
    {
        ExactValues half = Segment.Exact(0, 1.0);            // w = 2: overlap of half the segment
        Assert.Equal(0.5, half.TV);
        Tolerance.Close(0.5 * Math.Log(2), half.JS!.Value, 1e-15);
        Tolerance.Close(Math.Log(2) / 2, half.DJS!.Value, 1e-15);
        Assert.Equal(double.PositiveInfinity, half.KL);
        ExactValues apart = Segment.Exact(0, -3.0);          // disjoint
        Assert.Equal(1.0, apart.TV);
        Assert.Equal(Math.Log(2), apart.JS);
        Assert.Equal(0.0, apart.DJS);
        Assert.Equal(-1.0, apart.DW1);
        Assert.Null(Segment.Exact(0, 2.0).DJS);              // the kink where the supports start to overlap
        Assert.Null(Segment.Exact(0, 0).DW1);
        Assert.Equal(0.0, Segment.Exact(1, 1).KL);
    }

    [Property(MaxTest = 200)]
    public Property DerivativesMatchCentralDifferencesAwayFromTheKinks()
    {
        var thetas = Gen.Choose(-3000, 3000).Select(k => k / 1000.0);
        return Prop.ForAll(thetas.ToArbitrary(), t =>
        {
            double d = Math.Abs(t);
            if (d < 1e-2 || Math.Abs(d - 1.0) < 1e-2) return true;
            const double h = 1e-5;
            ExactValues e = Square.Exact(0, t);
            double fdJ = (Square.Exact(0, t + h).JS!.Value - Square.Exact(0, t - h).JS!.Value) / (2 * h);
            double fdW = (Square.Exact(0, t + h).W1!.Value - Square.Exact(0, t - h).W1!.Value) / (2 * h);
            return Tolerance.IsClose(fdJ, e.DJS!.Value, 0, 1e-9) && Tolerance.IsClose(fdW, e.DW1!.Value, 0, 1e-9);
        });
    }

    [Fact]
    public void RejectsBadShapes()
    {
        Assert.Throws<ArgumentException>(() => new ShiftedUniform(3));
        Assert.Throws<ArgumentException>(() => new ShiftedUniform(1, 0.0));
    }
}
