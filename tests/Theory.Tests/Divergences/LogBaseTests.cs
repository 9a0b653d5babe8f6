using Verify.TestSupport;
using Xunit;
using Div = Verify.Theory.Divergences;

namespace Verify.Theory.Tests.Divergences;

public sealed class LogBaseTests
{
    [Fact]
    public void BitsAreNatsDividedByLn2()
    {
        double nats = Div.KL([0.1, 0.2, 0.7], [0.3, 0.3, 0.4]);
        Tolerance.Close(nats / Math.Log(2), Div.KL([0.1, 0.2, 0.7], [0.3, 0.3, 0.4], LogBase.Bits), rel: 1e-15);
        // disjoint supports: JS = log 2 nats = 1 bit
        Tolerance.Close(1.0, Div.JS([1.0, 0.0], [0.0, 1.0], LogBase.Bits), rel: 1e-15);
        Assert.Equal(double.PositiveInfinity, Div.KL([1.0, 0.0], [0.0, 1.0], LogBase.Bits));
    }

    [Fact]
    public void UnknownBaseIsRejected() =>
        Assert.Throws<ArgumentException>(() => Div.JS([1.0], [1.0], (LogBase)7));
}
