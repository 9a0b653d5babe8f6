using System.Globalization;

namespace Verify.Toys.Families;

/// <summary>
/// The allowed values of a family's parameter θ: an interval with open or closed ends (±∞ allowed as open ends),
/// a default, and what θ means. <see cref="Check"/> throws one clear <see cref="ArgumentException"/> outside it.
/// </summary>
public sealed record ParameterRange(string Meaning, double Min, double Max, double Default, bool MinInclusive = true, bool MaxInclusive = true)
{
    /// <summary>The whole real line (−∞, ∞).</summary>
    public static ParameterRange RealLine(string meaning, double @default) =>
        new(meaning, double.NegativeInfinity, double.PositiveInfinity, @default, false, false);

    /// <summary>(0, ∞).</summary>
    public static ParameterRange Positive(string meaning, double @default) =>
        new(meaning, 0.0, double.PositiveInfinity, @default, false, false);

    /// <summary>[0, ∞).</summary>
    public static ParameterRange NonNegative(string meaning, double @default) =>
        new(meaning, 0.0, double.PositiveInfinity, @default, true, false);

    /// <summary>True when θ is finite and inside the interval.</summary>
    public bool Contains(double theta)
    {
        if (double.IsNaN(theta) || double.IsInfinity(theta)) return false;
        bool lower = MinInclusive ? theta >= Min : theta > Min;
        bool upper = MaxInclusive ? theta <= Max : theta < Max;
        return lower && upper;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the parameter and the interval when θ is outside.</summary>
    public void Check(double theta, string paramName = "theta")
    {
        if (!Contains(theta))
            throw new ArgumentException(
                $"theta = {theta.ToString("R", CultureInfo.InvariantCulture)} is outside the allowed range θ ∈ {Interval} ({Meaning})", paramName);
    }

    /// <summary>The interval in the usual notation, e.g. "(0, ∞)" or "[−1, 1]".</summary>
    public string Interval =>
        (MinInclusive ? "[" : "(") + Show(Min) + ", " + Show(Max) + (MaxInclusive ? "]" : ")");

    /// <inheritdoc/>
    public override string ToString() => $"θ ∈ {Interval}, default {Show(Default)}: {Meaning}";

    private static string Show(double x) =>
        double.IsPositiveInfinity(x) ? "∞" : double.IsNegativeInfinity(x) ? "−∞" : x.ToString("R", CultureInfo.InvariantCulture);
}
