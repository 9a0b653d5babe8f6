namespace Verify.Theory;

/// <summary>Argument checks shared by the calculators: each failure is one ArgumentException naming what is wrong.</summary>
internal static class Guard
{
    public static void Finite(double value, string what, string paramName)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            throw new ArgumentException($"{what} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}; it must be finite", paramName);
    }

    public static void Positive(double value, string paramName)
    {
        if (!(value > 0) || double.IsInfinity(value))
            throw new ArgumentException($"{paramName} must be positive and finite, got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}", paramName);
    }

    public static void SameDimension(DiscreteDistribution p, DiscreteDistribution q)
    {
        if (p.Dimension != q.Dimension)
            throw new ArgumentException($"dimension mismatch: P has dimension {p.Dimension}, Q has dimension {q.Dimension}");
    }

    /// <summary>Equal total masses, within 1e-9 relative (transport between unequal masses is not defined).</summary>
    public static void SameMass(DiscreteDistribution p, DiscreteDistribution q)
    {
        double a = p.TotalMass, b = q.TotalMass;
        if (Math.Abs(a - b) > 1e-9 * Math.Max(a, b))
            throw new ArgumentException(
                $"unequal total masses: P has {a:R}, Q has {b:R}; normalise both explicitly (Normalized()) if probability laws are meant");
    }
}
