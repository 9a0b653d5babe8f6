using Verify.TestSupport;
using Verify.Toys.Families;
using Xunit;

namespace Verify.Toys.Tests.Families;

public sealed class TangentSampleTests
{
    [Fact]
    public void PathwiseDerivativeIsTheMeanInnerProductOfGradientAndTangent()
    {
        // Two points in ℝ², f(x) = x₁² + 3x₂: ∇f = (2x₁, 3). (1/2)[(2·1·0.5 + 3·1) + (2·(−2)·1 + 3·(−1))] = (4 − 7)/2.
        var s = new TangentSample([1, 5, -2, 7], [0.5, 1, 1, -1], 2);
        Assert.Equal(2, s.Count);
        double d = s.PathwiseDerivative((x, g) => { g[0] = 2 * x[0]; g[1] = 3; });
        Tolerance.Close(-1.5, d, 1e-15);
        Assert.Equal(2, s.ToDistribution().Count);
    }

    [Fact]
    public void RejectsMismatchedArrays()
    {
        Assert.Throws<ArgumentException>(() => new TangentSample([1, 2], [1], 1));
        Assert.Throws<ArgumentException>(() => new TangentSample([1, 2, 3], [1, 2, 3], 2));
        Assert.Throws<ArgumentException>(() => new TangentSample([1], [1], 0));
    }
}
