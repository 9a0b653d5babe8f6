using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.Properties.Catalogue;
using Verify.Properties.Metrics;
using Xunit;

namespace Verify.Properties.Tests.Metrics;

public sealed class W1MetricTests
{
    public static Arbitrary<W1Metric.Case> Cases() => W1Metric.Generator(ClaimScale.Quick).ToArbitrary();

    [Property(Arbitrary = [typeof(W1MetricTests)], MaxTest = 100)]
    public Property HoldsOnRandomLaws(W1Metric.Case c) => W1Metric.Check.Holds(c);

    [Fact]
    public void ClaimHoldsAtQuickScale() => ClaimAssert.Holds(W1Metric.Claim);

    [Fact]
    public void SquaredCostBreaksTheTriangleInequality() => ClaimAssert.FalsifyFails(W1Metric.Claim, "triangle");
}
