using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.Properties.Catalogue;
using Verify.Properties.Lines;
using Xunit;

namespace Verify.Properties.Tests.Lines;

public sealed class ParallelLinesValuesTests
{
    public static Arbitrary<ParallelLinesValues.Case> Cases() => ParallelLinesValues.Generator(ClaimScale.Quick).ToArbitrary();

    [Property(Arbitrary = [typeof(ParallelLinesValuesTests)], MaxTest = 60)]
    public Property HoldsAtDrawnTheta(ParallelLinesValues.Case c) => ParallelLinesValues.Check.Holds(c);

    [Fact]
    public void RoundingMergesLinesCloserThanHalf()
    {
        var c = new ParallelLinesValues.Case(0.3, 8, 4);
        var (p, q) = ParallelLinesValues.Rounded(ParallelLinesValues.Samples(c));
        Assert.Equal(p.Points.ToArray(), q.Points.ToArray());
    }

    [Fact]
    public void ClaimHoldsAtQuickScale() => ClaimAssert.Holds(ParallelLinesValues.Claim);

    [Fact]
    public void BinnedSamplesGiveOtherValues() => ClaimAssert.FalsifyFails(ParallelLinesValues.Claim, "W1");
}
