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

    /// <summary>
    /// Checks a marginal (mass vector): non-empty, finite, non-negative, positive total. Returns Σᵢ wᵢ.
    /// </summary>
    public static double Marginal(ReadOnlySpan<double> w, string paramName)
    {
        if (w.Length == 0) throw new ArgumentException($"{paramName} is empty: it needs at least one mass", paramName);
        double total = 0;
        for (int i = 0; i < w.Length; i++)
        {
            double x = w[i];
            if (double.IsNaN(x) || double.IsInfinity(x))
                throw new ArgumentException($"{paramName}[{i}] is {x.ToString(System.Globalization.CultureInfo.InvariantCulture)}; masses must be finite", paramName);
            if (x < 0)
                throw new ArgumentException($"{paramName}[{i}] is negative ({x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}); masses must be non-negative", paramName);
            total += x;
        }
        if (!(total > 0)) throw new ArgumentException($"{paramName} has zero total mass: at least one entry must be positive", paramName);
        return total;
    }

    /// <summary>Finite sample values (no NaN or ±∞), at least one.</summary>
    public static void FiniteValues(ReadOnlySpan<double> values, string paramName)
    {
        if (values.Length == 0) throw new ArgumentException($"{paramName} is empty: it needs at least one value", paramName);
        for (int i = 0; i < values.Length; i++)
        {
            double x = values[i];
            if (double.IsNaN(x) || double.IsInfinity(x))
                throw new ArgumentException($"{paramName}[{i}] is {x.ToString(System.Globalization.CultureInfo.InvariantCulture)}; values must be finite", paramName);
        }
    }

    /// <summary>Equal total masses within 1e-9 relative.</summary>
    public static void SameMass(double a, double b, string what)
    {
        if (Math.Abs(a - b) > 1e-9 * Math.Max(a, b))
            throw new ArgumentException(
                $"unequal total masses: {what} sum to {a.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} and {b.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}; normalise both explicitly");
    }
}
