using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.Networks.Tensors;
using Xunit;

namespace Verify.Networks.Tests.Native;

/// <summary>
/// The raw Col2Im loops in float: bit for bit the definition summed in float from +0 with the windows in ascending order
/// (the order the engine promises, so that any faster loop must keep it), on generated geometries and the DCGAN shapes.
/// </summary>
public sealed class Im2ColKernelsTests
{
    /// <summary>x[n, c, y, x] = Σ over windows (oh, ow) ascending of the entries covering it, in float, from +0.</summary>
    private static float[] Definition(float[] cols, int batch, Conv2dGeometry g)
    {
        var x = new float[batch * g.Channels * g.Height * g.Width];
        for (int n = 0; n < batch; n++)
            for (int oh = 0; oh < g.OutH; oh++)
                for (int ow = 0; ow < g.OutW; ow++)
                    for (int c = 0; c < g.Channels; c++)
                        for (int i = 0; i < g.KernelH; i++)
                            for (int j = 0; j < g.KernelW; j++)
                            {
                                int y = oh * g.StrideH - g.PadH + i, xx = ow * g.StrideW - g.PadW + j;
                                if (y < 0 || xx < 0 || y >= g.Height || xx >= g.Width) continue;
                                x[((n * g.Channels + c) * g.Height + y) * g.Width + xx] +=
                                    cols[((n * g.OutH + oh) * g.OutW + ow) * g.PatchSize + (c * g.KernelH + i) * g.KernelW + j];
                            }
        return x;
    }

    /// <summary>Entries of mixed signs and magnitudes (so the order of the sums shows in the roundings), and signed zeros.</summary>
    private static float[] Entries(int length, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => rng.Next(8) switch
        {
            0 => 0f,
            1 => -0f,
            _ => (float)((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-3, 4))),
        }).ToArray();
    }

    [Property(MaxTest = 60)]
    public Property Col2ImInFloatIsTheDefinitionBitForBit()
    {
        // Kernel widths 3 to 5 (the 4-wide rows take a vector path), widths up to 20.
        var cases = from batch in Gen.Choose(1, 3) from ch in Gen.Choose(1, 5) from h in Gen.Choose(1, 9) from w in Gen.Choose(1, 20)
                    from kh in Gen.Choose(1, 5) from kw in Gen.Choose(3, 5) from sh in Gen.Choose(1, 3) from sw in Gen.Choose(1, 3)
                    from ph in Gen.Choose(0, 2) from pw in Gen.Choose(0, 2) from seed in Gen.Choose(0, 10_000)
                    where h + 2 * ph >= kh && w + 2 * pw >= kw
                    select (Batch: batch, G: new Conv2dGeometry(ch, h, w, kh, kw, sh, sw, ph, pw), Seed: seed);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var cols = Entries(c.Batch * c.G.Windows * c.G.PatchSize, c.Seed);
            var ours = Tensor.Col2Im(Tensor.From(cols, c.Batch * c.G.Windows, c.G.PatchSize), c.G, c.Batch).ToArray();
            Assert.Equal(Definition(cols, c.Batch, c.G).Select(BitConverter.SingleToInt32Bits), ours.Select(BitConverter.SingleToInt32Bits));
            return true;
        });
    }

    [Fact]
    public void Col2ImOfTheDcganShapesIsTheDefinitionBitForBit()
    {
        // The critic's second convolution (64 channels of 14×14, k4 s2 p1) and the generator's last (1 channel of 28×28),
        // on 3 images (the batch is split over threads by image).
        foreach (var g in new[] { Conv2dGeometry.Square(64, 14, 14, 4, 2, 1), Conv2dGeometry.Square(1, 28, 28, 4, 2, 1) })
        {
            var cols = Entries(3 * g.Windows * g.PatchSize, 7);
            var ours = Tensor.Col2Im(Tensor.From(cols, 3 * g.Windows, g.PatchSize), g, 3).ToArray();
            Assert.Equal(Definition(cols, 3, g).Select(BitConverter.SingleToInt32Bits), ours.Select(BitConverter.SingleToInt32Bits));
        }
    }
}
