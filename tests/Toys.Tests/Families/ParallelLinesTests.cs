using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.TestSupport;
using Verify.Theory;
using Verify.Toys.Families;
using Verify.Toys.Tests.Support;
using Xunit;
using ParallelLines = Verify.Toys.Families.ParallelLines;

namespace Verify.Toys.Tests.Families;

public sealed class ParallelLinesTests
{
    private static readonly ParallelLines Family = new();
    private static readonly Gen<double> Thetas = Gen.Choose(-3000, 3000).Select(k => k / 1000.0);

    [Fact]
    public void SameSeedSameSampleDifferentSeedDifferent() => FamilyChecks.Deterministic(Family.At(0.3));

    [Fact]
    public void PointsLieOnTheSegmentAndAreUniformAlongIt()
    {
        const int n = 100_000;
        double[] p = Family.At(-0.7).SamplePoints(n, 1);
        Assert.All(Columns.Get(p, 2, 0), x => Assert.Equal(-0.7, x));
        double[] y = Columns.Get(p, 2, 1);
        Assert.All(y, v => Assert.InRange(v, 0.0, 1.0));
        // DKW, n = 100 000, δ = 1e-6 ⇒ ε ≈ 0.0085.
        Tolerance.AtMost(Dkw.Epsilon(n), Dkw.Statistic(y, v => Math.Clamp(v, 0, 1)), 0, "KS of the second coordinate vs U[0,1] (δ = 1e-6)");
    }

    [Fact]
    public void TangentIsTheUnitHorizontalVector()
    {
        FamilyChecks.TangentMatchesFiniteDifference(Family, 0.25);
        TangentSample s = Family.SampleWithTangent(10, 0.25, 3);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(1.0, s.Tangents[2 * i]);
            Assert.Equal(0.0, s.Tangents[2 * i + 1]);
        }
    }

    [Fact]
    public void HasNoDensityAndSaysWhereItLives()
    {
        IToyDistribution p = Family.At(0.5);
        Assert.Equal(LawKind.Singular, p.Kind);
        var e = Assert.Throws<InvalidOperationException>(() => p.Density([0.5, 0.5]));
        Assert.Contains("singular", e.Message);
        Assert.Contains("{0.5} × [0, 1]", e.Message);
    }

    [Property(MaxTest = 40)]
    public Property ExactW1AgreesWithTheExactSolverOnSamples()
    {
        // Same seed ⇒ same z: the samples are translates, so the empirical W₁ is exactly |θ − θ₀| (the translation
        // coupling attains it and f(x) = x₁ certifies the lower bound), whatever n.
        return Prop.ForAll(Thetas.ToArbitrary(), Thetas.ToArbitrary(), (t0, t) =>
        {
            var p = Family.At(t0).Sample(60, 5);
            var q = Family.At(t).Sample(60, 5);
            return Tolerance.IsClose(Family.Exact(t0, t).W1!.Value, Transport.W1(p, q), 1e-9, 1e-12);
        });
    }

    [Property(MaxTest = 300)]
    public Property ExactValuesAgreeWithTheoryClosedFormsAlongTheta()
    {
        Assert.Equal(ClosedForms.ParallelLinesJS(0), Family.Exact(0, 0).JS);
        return Prop.ForAll(Thetas.ToArbitrary(), t =>
        {
            ExactValues e = Family.Exact(0, t);
            return Tolerance.IsClose(ClosedForms.ParallelLinesW1(t), e.W1!.Value, 1e-15)
                && Tolerance.IsClose(ClosedForms.ParallelLinesJS(t), e.JS!.Value, 1e-15)
                && Tolerance.IsClose(ClosedForms.ParallelLinesKL(t), e.KL!.Value, 1e-15)
                && Tolerance.IsClose(ClosedForms.ParallelLinesKL(t), e.KLReverse!.Value, 1e-15)
                && Tolerance.IsClose(ClosedForms.ParallelLinesTV(t), e.TV!.Value, 1e-15);
        });
    }

    [Property(MaxTest = 60)]
    public Property DivergencesOnSamplesSeeDisjointAtomsExactlyAsTheClosedFormSays()
    {
        // For θ ≠ θ₀ no atom of one sample is an atom of the other (first coordinates differ), so Theory's discrete
        // calculators must give exactly the family's JS = ln 2, TV = 1, KL = +∞; for θ = θ₀ with the same seed, 0.
        return Prop.ForAll(Thetas.ToArbitrary(), Thetas.ToArbitrary(), (t0, t) =>
        {
            var p = Family.At(t0).Sample(50, 6);
            var q = Family.At(t).Sample(50, 6);
            ExactValues e = Family.Exact(t0, t);
            var (kl, klr) = Divergences.KLBoth(p, q);
            return Tolerance.IsClose(e.JS!.Value, Divergences.JS(p, q), 1e-12, 1e-15)
                && Tolerance.IsClose(e.TV!.Value, Divergences.TV(p, q), 1e-12, 1e-15)
                && Tolerance.IsClose(e.KL!.Value, kl, 1e-12, 1e-15)
                && Tolerance.IsClose(e.KLReverse!.Value, klr, 1e-12, 1e-15);
        });
    }

    [Fact]
    public void OnlyW1IsContinuous()
    {
        ExactValues at0 = Family.Exact(0, 0);
        Assert.Equal(0.0, at0.W1);
        Assert.Equal(0.0, at0.JS);
        Assert.Equal(0.0, at0.TV);
        Assert.Null(at0.DW1);
        Assert.Null(at0.DJS);
        ExactValues near = Family.Exact(0, 1e-9);
        Assert.Equal(1e-9, near.W1);
        Assert.Equal(Math.Log(2), near.JS);
        Assert.Equal(double.PositiveInfinity, near.KL);
        Assert.Equal(double.PositiveInfinity, near.KLReverse);
        Assert.Equal(1.0, near.TV);
        Assert.Equal(1.0, near.DW1);
        Assert.Equal(0.0, near.DJS);
        Assert.Equal(-1.0, Family.Exact(0, -2).DW1);
    }

    [Fact]
    public void RejectsNonFiniteTheta()
    {
        Assert.Throws<ArgumentException>(() => Family.At(double.NaN));
        Assert.Throws<ArgumentException>(() => Family.Exact(0, double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => Family.At(0).SamplePoints(0, 1));
    }
}
