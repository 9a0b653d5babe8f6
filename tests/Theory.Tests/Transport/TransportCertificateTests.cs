using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

public class TransportCertificateTests
{
    private static TransportCertificate Of(double primal = 0, double gap = 0, double violation = 0, double error = 0) =>
        new(primal, gap, violation, violation, error, Scale: 1, Floor: 1e-16, Tolerance: 1e-9);

    [Fact]
    public void HoldsOnlyWhenThePlanIsFeasibleAndTheRelativeErrorBoundIsWithinTolerance()
    {
        Assert.True(Of().Holds);
        Assert.True(Of(primal: 1e-9, gap: 1e-9, violation: 5e-10, error: 1e-9).Holds);
        Assert.Null(Of().Violation);
        Assert.Contains("primal", Of(primal: 2e-9).Violation);
        Assert.Contains("relative error bound", Of(error: 2e-9).Violation);
        // The error bound decides, not the gap or violation alone (they are its parts).
        Assert.True(Of(gap: 2e-9, error: 1e-10).Holds);
        Assert.False(Of(primal: double.NaN).Holds);
        Assert.False(Of(error: double.NaN).Holds);
        Assert.False(Of(primal: double.PositiveInfinity).Holds);
    }
}
