using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Xunit;

namespace Verify.Networks.Tests.Layers;

public sealed class FlattenTests
{
    [Fact]
    public void FlattenAndUnflattenAreInverseReshapes()
    {
        var x = Tensor.From(Enumerable.Range(0, 24).Select(i => (double)i).ToArray(), 2, 3, 2, 2);
        var flat = new Flatten<double>().Forward(x);
        Assert.Equal(new[] { 2, 12 }, flat.Shape);
        Assert.Equal(x.ToArray(), flat.ToArray());
        var back = new Unflatten<double>(3, 2, 2).Forward(flat);
        Assert.Equal(new[] { 2, 3, 2, 2 }, back.Shape);
        Assert.Equal(x.ToArray(), back.ToArray());
        Assert.Contains("[N, 12]", Assert.Throws<ArgumentException>(() => new Unflatten<double>(3, 2, 2).Forward(Tensor.Zeros<double>(2, 10))).Message);
        Assert.Throws<ArgumentException>(() => new Unflatten<double>(3, 0));
    }
}
