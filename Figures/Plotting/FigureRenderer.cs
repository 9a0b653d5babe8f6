using SkiaSharp;

namespace Verify.Figures.Plotting;

/// <summary>
/// Renders a <see cref="FigureLayout"/> to PNG (at <see cref="Style.PngScale"/> × the logical size), SVG (logical size)
/// and PDF (one page, logical pixels at 96 dpi mapped to points, so the page is the figure's physical size).
/// Rendering is serialised: SkiaSharp's font cache and ScottPlot's static font state are shared by every figure.
/// </summary>
public static class FigureRenderer
{
    private static readonly Lock Gate = new();

    /// <summary>Points per logical pixel (72 pt per inch over 96 px per inch).</summary>
    public const float PointsPerPixel = 72f / 96f;

    public static byte[] Png(FigureLayout figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        lock (Gate)
        {
            FontCheck.Ensure();
            int w = (int)Math.Round(figure.Width * Style.PngScale), h = (int)Math.Round(figure.Height * Style.PngScale);
            using var surface = SKSurface.Create(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul))
                ?? throw new InvalidOperationException($"SkiaSharp could not create a {w}×{h} surface");
            figure.Draw(surface.Canvas, Style.PngScale);
            using var image = surface.Snapshot();
            using var data = image.Encode(SKEncodedImageFormat.Png, 100);
            return data.ToArray();
        }
    }

    public static byte[] Svg(FigureLayout figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        lock (Gate)
        {
            FontCheck.Ensure();
            using var stream = new MemoryStream();
            using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, figure.Width, figure.Height), stream))
                figure.Draw(canvas, 1.0, solidLines: true);
            return stream.ToArray();
        }
    }

    public static byte[] Pdf(FigureLayout figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        lock (Gate)
        {
            FontCheck.Ensure();
            using var stream = new MemoryStream();
            var metadata = new SKDocumentPdfMetadata { Creator = "verify figures", Producer = "ScottPlot + SkiaSharp" };
            using (var document = SKDocument.CreatePdf(stream, metadata))
            {
                SKCanvas canvas = document.BeginPage(figure.Width * PointsPerPixel, figure.Height * PointsPerPixel);
                canvas.Scale(PointsPerPixel);
                figure.Draw(canvas, 1.0);
                document.EndPage();
                document.Close();
            }
            return stream.ToArray();
        }
    }
}
