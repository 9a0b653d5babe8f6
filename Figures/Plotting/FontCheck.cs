using SkiaSharp;

namespace Verify.Figures.Plotting;

/// <summary>
/// Fails early, with the package to install, when the figures' font is missing: without it SkiaSharp falls back to a
/// font that may lack θ or ₁, or to none at all, and the figures would come out with boxes or without text.
/// </summary>
public static class FontCheck
{
    private static bool _checked;

    /// <summary>The Debian package that provides <see cref="Style.FontName"/> (installed by scripts/setup).</summary>
    public const string Package = "fonts-dejavu-core";

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the package when the font cannot be found.</summary>
    public static void Ensure()
    {
        if (_checked) return;
        using SKTypeface? face = SKFontManager.Default.MatchFamily(Style.FontName);
        if (face is null || !face.FamilyName.Equals(Style.FontName, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"the figures' font '{Style.FontName}' is not installed; install the Debian package {Package} (bash scripts/setup does)");
        if (face.GetGlyph('θ') == 0 || face.GetGlyph('₁') == 0)
            throw new InvalidOperationException($"the font '{Style.FontName}' found lacks the glyphs θ or ₁; install {Package}");
        _checked = true;
    }
}
