using Verify.Toys.Numerics;
using Xunit;

namespace Verify.Toys.Tests.Numerics;

public sealed class CategoricalTests
{
    [Fact]
    public void FirstIndexStrictlyAboveAndZeroMassSkipped()
    {
        double[] cum = [0.25, 0.25, 0.75, 1.0];   // masses 0.25, 0, 0.5, 0.25
        Assert.Equal(0, Categorical.FirstAbove(cum, 0.0));
        Assert.Equal(0, Categorical.FirstAbove(cum, 0.2499));
        Assert.Equal(2, Categorical.FirstAbove(cum, 0.25));   // u = F(0) = F(1) falls to the next positive mass
        Assert.Equal(2, Categorical.FirstAbove(cum, 0.7));
        Assert.Equal(3, Categorical.FirstAbove(cum, 0.75));
        Assert.Equal(3, Categorical.FirstAbove(cum, 1.0 - 1e-16));
    }
}
