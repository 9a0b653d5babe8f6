using SkiaSharp;
using Xunit;

namespace Verify.Figures.Tests.Plotting;

/// <summary>Decodes a PNG and measures whether it holds a picture: its size, the variance of its luminance and the share of non-white pixels.</summary>
public static class PngCheck
{
    public sealed record Stats(int Width, int Height, double LuminanceVariance, double NonWhite);

    public static Stats Measure(byte[] png)
    {
        using SKBitmap? bitmap = SKBitmap.Decode(png);
        Assert.True(bitmap is not null, "the PNG does not decode");
        double sum = 0, sum2 = 0;
        long nonWhite = 0, n = 0;
        for (int y = 0; y < bitmap!.Height; y += 2)
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                SKColor c = bitmap.GetPixel(x, y);
                double l = 0.2126 * c.Red + 0.7152 * c.Green + 0.0722 * c.Blue;
                sum += l;
                sum2 += l * l;
                if (c.Red < 245 || c.Green < 245 || c.Blue < 245) nonWhite++;
                n++;
            }
        double mean = sum / n;
        return new Stats(bitmap.Width, bitmap.Height, sum2 / n - mean * mean, nonWhite / (double)n);
    }

    /// <summary>Decodes, is at least 1200 px wide, and is not blank: luminance variance above 100 (of 255²) and ≥ 2% non-white pixels.</summary>
    public static Stats AssertFigure(string path)
    {
        Assert.True(File.Exists(path), $"{path} is missing");
        Stats s = Measure(File.ReadAllBytes(path));
        Assert.True(s.Width >= 1200, $"{path}: {s.Width} px wide, a figure must be at least 1200");
        Assert.True(s.LuminanceVariance > 100, $"{path}: luminance variance {s.LuminanceVariance:F1}: the image is (nearly) blank");
        Assert.True(s.NonWhite > 0.02, $"{path}: only {s.NonWhite:P1} of the pixels are not white");
        return s;
    }
}
