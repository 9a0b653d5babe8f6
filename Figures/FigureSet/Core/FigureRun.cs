using System.Text;

namespace Verify.Figures.FigureSet.Core;

/// <summary>How much work a figure does: <see cref="Quick"/> for the test suite and a first look (the whole set in well
/// under two minutes on two cores), <see cref="Full"/> for the paper (the whole set within fifteen minutes).</summary>
public enum Scale { Quick, Full }

/// <summary>One generation of the figure set: the scale and the seed every random choice derives from.</summary>
public sealed record FigureRun(Scale Scale, long Seed)
{
    public bool Quick => Scale == Scale.Quick;

    /// <summary>"quick" or "full".</summary>
    public string ScaleName => Quick ? "quick" : "full";

    /// <summary>
    /// A seed for one experiment, derived from a seed and the experiment's key (FNV-1a over "seed/key", so it depends on
    /// neither the order nor the number of the other experiments: the same seed and key give the same numbers).
    /// </summary>
    public static long Derive(long seed, string key)
    {
        ulong h = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes($"{seed}/{key}"))
        {
            h ^= b;
            h *= 1099511628211UL;
        }
        return (long)(h >> 1);
    }
}
