using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.Properties.Catalogue;
using Verify.Properties.Duality;
using Verify.Theory;
using Xunit;

namespace Verify.Properties.Tests.Duality;

public sealed class KrDualityBoundTests
{
    public static Arbitrary<KrDualityBound.Case> Cases() => KrDualityBound.Generator(ClaimScale.Quick).ToArbitrary();

    [Property(Arbitrary = [typeof(KrDualityBoundTests)], MaxTest = 100)]
    public Property HoldsForEveryDrawnFunction(KrDualityBound.Case c) => KrDualityBound.Check.Holds(c);

    [Property(Arbitrary = [typeof(KrDualityBoundTests)], MaxTest = 100)]
    public bool TheDrawnFunctionsAreKLipschitz(KrDualityBound.Case c)
    {
        // The generator's promise, checked independently: no pair of support points sees a slope above K.
        var (onP, onQ) = KrDualityBound.Values(c);
        return KantorovichDual.EmpiricalLipschitz(c.Pair.P, c.Pair.Q, onP, onQ) <= c.K * (1 + 1e-12);
    }

    [Fact]
    public void ClaimHoldsAtQuickScale() => ClaimAssert.Holds(KrDualityBound.Claim);

    [Fact]
    public void ATwiceSteeperFunctionBreaksTheBound() => ClaimAssert.FalsifyFails(KrDualityBound.Claim, "K·W1");
}
