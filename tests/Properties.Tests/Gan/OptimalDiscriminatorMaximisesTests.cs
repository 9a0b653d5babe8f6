using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.Properties.Catalogue;
using Verify.Properties.Gan;
using Xunit;

namespace Verify.Properties.Tests.Gan;

public sealed class OptimalDiscriminatorMaximisesTests
{
    public static Arbitrary<OptimalDiscriminatorMaximises.Case> Cases() => OptimalDiscriminatorMaximises.Generator(ClaimScale.Quick).ToArbitrary();

    [Property(Arbitrary = [typeof(OptimalDiscriminatorMaximisesTests)], MaxTest = 30)]
    public Property EveryCompetitorScoresLower(OptimalDiscriminatorMaximises.Case c) => OptimalDiscriminatorMaximises.Check.Holds(c);

    [Fact]
    public void AZeroPerturbationTiesWithTheOptimum()
    {
        var c = new OptimalDiscriminatorMaximises.Case(0, 0, 0, 0, 0);
        var conditions = OptimalDiscriminatorMaximises.Conditions(c, DensityPair.All[0].LogRatio);
        Assert.Equal(0.0, conditions[0].Measured, 12);
        Assert.Equal(0.0, conditions[1].Measured, 12);
    }

    [Fact]
    public void ClaimHoldsAtQuickScale() => ClaimAssert.Holds(OptimalDiscriminatorMaximises.Claim);

    [Fact]
    public void AnotherDiscriminatorIsBeaten() => ClaimAssert.FalsifyFails(OptimalDiscriminatorMaximises.Claim, "competitor");
}
