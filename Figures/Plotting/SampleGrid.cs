using SkiaSharp;

namespace Verify.Figures.Plotting;

/// <summary>
/// A grid of 28×28 grey-scale digits as a PNG: images in [−1, 1] (−1 black, +1 white; values outside are clamped),
/// row-major, laid out <c>columns</c> per row with a 2-pixel mid-grey gutter, each pixel drawn as a
/// <c>scale</c> × <c>scale</c> block (nearest neighbour, so no interpolation invents detail).
/// </summary>
public static class SampleGrid
{
    public const int Side = 28;
    private const int Gutter = 2;

    /// <summary>Grey level 0–255 of a pixel value in [−1, 1].</summary>
    public static byte Grey(double v) => (byte)Math.Round(255 * (Math.Clamp(double.IsNaN(v) ? -1 : v, -1, 1) + 1) / 2);

    /// <summary>The PNG bytes of a grid of the <c>images.Length / 784</c> images.</summary>
    public static byte[] Png(ReadOnlySpan<double> images, int columns = 8, int scale = 3)
    {
        const int pixels = Side * Side;
        if (images.Length == 0 || images.Length % pixels != 0)
            throw new ArgumentException($"{images.Length} values are not a whole number of 28×28 images", nameof(images));
        if (columns < 1 || scale < 1) throw new ArgumentException("columns and scale must be at least 1");
        int n = images.Length / pixels, cols = Math.Min(columns, n), rows = (n + cols - 1) / cols;
        int cell = Side + Gutter;
        int w = (cols * cell + Gutter) * scale, h = (rows * cell + Gutter) * scale;
        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Gray8, SKAlphaType.Opaque));
        Span<byte> buffer = bitmap.GetPixelSpan();
        buffer.Fill(128);
        int stride = bitmap.RowBytes;
        for (int k = 0; k < n; k++)
        {
            int x0 = (Gutter + (k % cols) * cell) * scale, y0 = (Gutter + (k / cols) * cell) * scale;
            for (int r = 0; r < Side; r++)
                for (int c = 0; c < Side; c++)
                {
                    byte g = Grey(images[k * pixels + r * Side + c]);
                    for (int dy = 0; dy < scale; dy++)
                        buffer.Slice((y0 + r * scale + dy) * stride + x0 + c * scale, scale).Fill(g);
                }
        }
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
