using MathNet.Numerics.Distributions;
using Verify.TestSupport;
using Xunit;

namespace Verify.Theory.Tests.ClosedForms;

public sealed class AdaptiveQuadratureTests
{
    [Fact]
    public void OnePieceIsExactForPolynomialsUpToDegree22()
    {
        // The 15-point Kronrod rule integrates degree 3·7 + 1 = 22 exactly: ∫₀² x²² dx = 2²³/23.
        var r = AdaptiveQuadrature.Integrate(x => Math.Pow(x, 22), 0, 2, relativeTolerance: 1, absoluteTolerance: 1);
        Assert.Equal(1, r.Pieces);
        Tolerance.Close(Math.Pow(2, 23) / 23, r.Value, rel: 1e-14);
    }

    [Fact]
    public void SmoothIntegrandsToFullPrecision()
    {
        Tolerance.Close(2.0, AdaptiveQuadrature.Integrate(Math.Sin, 0, Math.PI).Value, rel: 1e-14);
        Tolerance.Close(Normal.CDF(0, 1, 3) - Normal.CDF(0, 1, -1), AdaptiveQuadrature.Integrate(x => Normal.PDF(0, 1, x), -1, 3).Value, rel: 1e-14);
        var r = AdaptiveQuadrature.Integrate(x => 1 / x, 1e-6, 1);                 // log 10⁶, steep near 0
        Assert.True(r.Converged);
        Tolerance.Close(6 * Math.Log(10), r.Value, rel: 1e-12);
    }

    [Fact]
    public void AJumpIsFoundByBisectionAndTheToleranceIsMet()
    {
        // Step of height 1 at 1/√2 (not a dyadic point of [0, 2]): ∫₀² = 2 − 1/√2.
        double jump = Math.Sqrt(0.5);
        var r = AdaptiveQuadrature.Integrate(x => x < jump ? 0.0 : 1.0, 0, 2, relativeTolerance: 1e-13, absoluteTolerance: 0);
        Assert.True(r.Converged);
        Tolerance.Close(2 - jump, r.Value, rel: 1e-13);
        // the true error meets the requested tolerance (1e-13·∫|f|); the estimate |K₁₅ − G₇| is the same order at a jump
        Tolerance.AtMost(1e-13 * r.L1, Math.Abs(r.Value - (2 - jump)), abs: 0);
        Tolerance.AtMost(1e-13 * r.L1, r.Error, abs: 0);
        // With the jump given as a breakpoint, two pieces suffice.
        var b = AdaptiveQuadrature.Integrate(x => x < jump ? 0.0 : 1.0, 0, 2, breakpoints: [jump]);
        Assert.Equal(2, b.Pieces);
        Tolerance.Close(2 - jump, b.Value, rel: 1e-15);
    }

    [Fact]
    public void NonConvergenceIsReportedNotHidden()
    {
        var r = AdaptiveQuadrature.Integrate(x => Math.Sin(1e7 * x), 0, 1, maxPieces: 500);
        Assert.False(r.Converged);
        Assert.True(r.Pieces <= 500);
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => AdaptiveQuadrature.Integrate(Math.Sin, 1, 1));
        Assert.Throws<ArgumentException>(() => AdaptiveQuadrature.Integrate(Math.Sin, 0, double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => AdaptiveQuadrature.Integrate(Math.Sin, 0, 1, relativeTolerance: 0, absoluteTolerance: 0));
        Assert.Throws<ArgumentException>(() => AdaptiveQuadrature.Integrate(Math.Sin, 0, 1, breakpoints: [double.NaN]));
        Assert.Throws<ArgumentException>(() => AdaptiveQuadrature.Integrate(Math.Sin, 0, 1, maxPieces: 0));
    }
}
