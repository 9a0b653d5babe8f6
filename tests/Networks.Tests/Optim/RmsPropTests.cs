using Verify.Networks.Optim;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Optim;

/// <summary>RMSprop against PyTorch 1.13 (float64).</summary>
public sealed class RmsPropTests
{
    [Fact]
    public void MatchesPyTorch()
    {
        var p = OptimReference.NewParameter();
        Tolerance.Close([0.7518968958470518, -1.7753494456014602, 2.7738885693916693],
            OptimReference.Run(p, new RmsProp<double>([p], 0.01)), rel: 1e-12);
    }

    [Fact]
    public void AlphaOutsideRangeIsRejected()
    {
        var p = OptimReference.NewParameter();
        Assert.Throws<ArgumentException>(() => new RmsProp<double>([p], 0.01, alpha: 1.0));
    }
}
