using Verify.Networks.Init;
using Verify.Networks.Tensors;
using Xunit;

namespace Verify.Networks.Tests.Init;

/// <summary>Kaiming-uniform bounds: gain·√(3/fan_in) with gain = √(2/(1 + a²)).</summary>
public sealed class InitializersTests
{
    [Theory]
    [InlineData(0.0, 16)]   // a = 0 (ReLU gain √2): bound √6/4
    [InlineData(2.23606797749979, 25)] // a = √5: bound 1/√fan_in = 0.2
    public void KaimingUniformStaysInsideItsBoundAndReachesIt(double a, int fanIn)
    {
        var w = Tensor.Zeros<double>(2000, fanIn);
        Initializers.KaimingUniform(w, new Rng(1), a);
        double bound = Math.Sqrt(2.0 / (1 + a * a)) * Math.Sqrt(3.0 / fanIn);
        var v = w.ToArray();
        Assert.All(v, x => Assert.InRange(x, -bound, bound));
        Assert.True(v.Max() > 0.999 * bound && v.Min() < -0.999 * bound);
    }

    [Fact]
    public void FanInIsTheColumnCount() => Assert.Equal(7, Initializers.FanIn(Tensor.Zeros<float>(3, 7)));
}
