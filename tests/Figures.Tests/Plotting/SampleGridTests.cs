using SkiaSharp;
using Verify.Figures.Plotting;
using Xunit;

namespace Verify.Figures.Tests.Plotting;

public sealed class SampleGridTests
{
    [Fact]
    public void PixelsLandWhereTheyBelongWithTheirGreyLevel()
    {
        var images = new double[3 * 784];
        Array.Fill(images, -1.0);
        images[784 + 5 * 28 + 7] = 1.0;       // image 1, row 5, column 7: white
        images[2 * 784] = 0.0;                // image 2, first pixel: mid grey
        byte[] png = SampleGrid.Png(images, columns: 2, scale: 2);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((2 * 30 + 2) * 2, bitmap.Width);
        Assert.Equal((2 * 30 + 2) * 2, bitmap.Height);
        byte Grey(int x, int y) => bitmap.GetPixel(x, y).Red;
        Assert.Equal(0, Grey(2 * 2, 2 * 2));                           // image 0's first pixel: black
        Assert.Equal(255, Grey((2 + 30 + 7) * 2 + 1, (2 + 5) * 2 + 1)); // image 1's white pixel
        Assert.Equal(128, Grey(2 * 2, (2 + 30) * 2));                   // image 2 starts the second row
        Assert.Equal(128, Grey(0, 0));                                  // gutter
    }

    [Fact]
    public void ClampsOutOfRangeAndRefusesPartialImages()
    {
        Assert.Equal(255, SampleGrid.Grey(3.0));
        Assert.Equal(0, SampleGrid.Grey(double.NaN));
        Assert.Throws<ArgumentException>(() => SampleGrid.Png(new double[100]));
    }
}
