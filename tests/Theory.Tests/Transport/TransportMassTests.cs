using Ot = Verify.Theory.Transport;
using Verify.TestSupport;
using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

/// <summary>
/// <see cref="Ot.W1"/> scales the normalised 1-D value by the total mass M: M must be the sum of the weights to the last
/// bit, not a plain running sum (which drifts by about n·u·M).
/// </summary>
public class TransportMassTests
{
    // 10⁶ atoms of weight fl(0.1) at 0 against the same at 1: W1 = Σw exactly = 10⁶·fl(0.1) = 100000.0000000000055…,
    // which rounds to 100000. A plain running sum gives 100000.0000013329 (1.3e-11 relative).
    [Fact]
    public void W1OfAMillionAtomsUsesTheExactTotalMass()
    {
        const int n = 1_000_000;
        var w = Enumerable.Repeat(0.1, n).ToArray();
        var p = new DiscreteDistribution(new double[n], 1, w);
        var q = new DiscreteDistribution(Enumerable.Repeat(1.0, n).ToArray(), 1, w);
        Assert.Equal(100000.0, p.TotalMass);
        Assert.Equal(100000.0, Ot.W1(p, q));
    }
}
