using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

public class TransportCertificateTests
{
    [Fact]
    public void HoldsOnlyWhenEveryResidualIsWithinTolerance()
    {
        Assert.True(new TransportCertificate(0, 0, 0, 0, 1e-9).Holds);
        Assert.True(new TransportCertificate(1e-9, 1e-9, 1e-9, 1e-9, 1e-9).Holds);
        Assert.Null(new TransportCertificate(0, 0, 0, 0, 1e-9).Violation);
        Assert.Contains("primal", new TransportCertificate(2e-9, 0, 0, 0, 1e-9).Violation);
        Assert.Contains("dual feasibility", new TransportCertificate(0, 2e-9, 0, 0, 1e-9).Violation);
        Assert.Contains("duality gap", new TransportCertificate(0, 0, 2e-9, 0, 1e-9).Violation);
        Assert.Contains("slackness", new TransportCertificate(0, 0, 0, 2e-9, 1e-9).Violation);
        Assert.False(new TransportCertificate(double.NaN, 0, 0, 0, 1e-9).Holds);
        Assert.False(new TransportCertificate(double.PositiveInfinity, 0, 0, 0, 1e-9).Holds);
    }
}
