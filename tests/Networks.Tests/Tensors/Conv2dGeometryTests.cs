using FsCheck;
using FsCheck.Fluent;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Tensors;

public sealed class Conv2dGeometryTests
{
    [Fact]
    public void OutputSizesFollowPyTorch()
    {
        // nn.Conv2d(k=4, s=2, p=1) halves 28×28 → 14×14 → 7×7 (the DCGAN critic); k=3, s=1, p=1 keeps the size.
        var g = Conv2dGeometry.Square(1, 28, 28, 4, 2, 1);
        Assert.Equal((14, 14, 16, 196), (g.OutH, g.OutW, g.PatchSize, g.Windows));
        Assert.Equal((7, 7), (Conv2dGeometry.Square(64, 14, 14, 4, 2, 1).OutH, Conv2dGeometry.Square(64, 14, 14, 4, 2, 1).OutW));
        Assert.Equal(5, Conv2dGeometry.Square(1, 5, 5, 3, 1, 1).OutH);
        Assert.Equal(2, new Conv2dGeometry(1, 5, 7, 2, 3, 3, 2, 0, 1).OutH);
        Assert.Equal(4, new Conv2dGeometry(1, 5, 7, 2, 3, 3, 2, 0, 1).OutW);
    }

    [Fact]
    public void MaxMultiplicityIsTheLargestWindowCountOfAnyPixel()
    {
        // Brute force: count for every pixel the windows that contain it.
        var cases = from h in Gen.Choose(1, 9) from w in Gen.Choose(1, 9) from k in Gen.Choose(1, 4) from s in Gen.Choose(1, 3) from p in Gen.Choose(0, 2)
                    where h + 2 * p >= k && w + 2 * p >= k select Conv2dGeometry.Square(1, h, w, k, s, p);
        PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), g =>
        {
            int best = 0;
            for (int i = 0; i < g.Height; i++)
                for (int j = 0; j < g.Width; j++)
                {
                    int count = 0;
                    for (int oh = 0; oh < g.OutH; oh++)
                        for (int ow = 0; ow < g.OutW; ow++)
                        {
                            int di = i - (oh * g.StrideH - g.PadH), dj = j - (ow * g.StrideW - g.PadW);
                            if (di >= 0 && di < g.KernelH && dj >= 0 && dj < g.KernelW) count++;
                        }
                    best = Math.Max(best, count);
                }
            return best == g.MaxMultiplicity && best <= ((g.KernelH + g.StrideH - 1) / g.StrideH) * ((g.KernelW + g.StrideW - 1) / g.StrideW);
        }));
        Assert.Equal(4, Conv2dGeometry.Square(1, 28, 28, 4, 2, 1).MaxMultiplicity);
    }

    [Fact]
    public void BadValuesAreNamed()
    {
        Assert.Contains("channels", Assert.Throws<ArgumentException>(() => new Conv2dGeometry(0, 5, 5, 3, 3)).Message);
        Assert.Contains("strideW", Assert.Throws<ArgumentException>(() => new Conv2dGeometry(1, 5, 5, 3, 3, 1, 0)).Message);
        Assert.Contains("padH", Assert.Throws<ArgumentException>(() => new Conv2dGeometry(1, 5, 5, 3, 3, 1, 1, -1)).Message);
        Assert.Contains("does not fit", Assert.Throws<ArgumentException>(() => Conv2dGeometry.Square(1, 2, 2, 5, 1, 1)).Message);
    }
}
