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

    /// <summary>
    /// Equal total masses within <paramref name="tolerance"/> relative to the larger (transport between unequal masses is
    /// not defined). The exact solver accepts what this accepts, and leaves the difference at one atom (the same
    /// tolerance bounds its marginal residual), so the guard and the solver never disagree.
    /// </summary>
    public static void SameMass(DiscreteDistribution p, DiscreteDistribution q, double tolerance)
    {
        double a = p.TotalMass, b = q.TotalMass;
        if (Math.Abs(a - b) > tolerance * Math.Max(a, b))
            throw new ArgumentException(
                $"unequal total masses: P has {a:R}, Q has {b:R} (they may differ by {tolerance:R} relative); normalise both explicitly (Normalized()) if probability laws are meant");
    }

    /// <summary>As above with the default tolerance of <see cref="TransportOptions.Tolerance"/>.</summary>
    public static void SameMass(DiscreteDistribution p, DiscreteDistribution q) => SameMass(p, q, TransportOptions.Default.Tolerance);

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

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when the ground cost between some point of P and some point of Q could
    /// overflow a double (finite coordinates whose distance, raised to the cost's power, exceeds double.MaxValue), or
    /// when even the largest cost would underflow (the whole bounding box so small that its diagonal, raised to the
    /// cost's power, or squared for the Euclidean norm, is below the smallest normal double).
    /// The bound used is the diagonal of the bounding box of both supports, computed without overflow. Returns
    /// log(bound on every cost) (−∞ when all points coincide) and the widest side of the bounding box.
    /// </summary>
    public static (double LogCost, double Widest) CostsRepresentable(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int dimension, GroundCost cost) =>
        CostsRepresentable(xs, ys, dimension, cost.Power, sumsSquares: !cost.IsManhattan, cost.Name);

    /// <summary>
    /// As above for a cost ‖x − y‖ᵖ computed either from a sum of squares (<paramref name="sumsSquares"/>, the
    /// Euclidean norm in d ≥ 1) or from absolute differences (ℓ₁, and every 1-D route).
    /// </summary>
    public static (double LogCost, double Widest) CostsRepresentable(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int dimension, double power, bool sumsSquares, string costName)
    {
        Span<double> span = dimension <= 64 ? stackalloc double[dimension] : new double[dimension];
        double widest = 0;
        for (int k = 0; k < dimension; k++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (int i = k; i < xs.Length; i += dimension) { lo = Math.Min(lo, xs[i]); hi = Math.Max(hi, xs[i]); }
            for (int i = k; i < ys.Length; i += dimension) { lo = Math.Min(lo, ys[i]); hi = Math.Max(hi, ys[i]); }
            span[k] = hi - lo;
            widest = Math.Max(widest, span[k]);
        }
        if (widest == 0) return (double.NegativeInfinity, 0);
        double scaled = 0;
        if (!double.IsInfinity(widest))
            foreach (double w in span) scaled += sumsSquares ? (w / widest) * (w / widest) : w / widest;
        double unit = sumsSquares ? Math.Sqrt(scaled) : scaled;
        // The Euclidean cost sums squares before any root, so its exponent is at least 2; compare the log of the
        // largest intermediate value with ln(double.MaxValue) ≈ 709.78.
        double exponent = sumsSquares ? Math.Max(power, 2.0) : power;
        double logDiameter = double.IsInfinity(widest) ? double.PositiveInfinity : Math.Log(widest) + Math.Log(unit);
        if (exponent * logDiameter >= Math.Log(double.MaxValue))
            throw new ArgumentException(
                $"the points are too far apart for the {costName} cost: distances up to about e^{logDiameter:F1} " +
                "overflow a double in the cost computation; rescale the coordinates");
        // At the other end, a whole cloud so small that even its widest cost (its squares, for the Euclidean norm) is
        // below the smallest normal double: every cost would lose its digits or read 0, and the transport value with them.
        if (exponent * logDiameter < LogSmallestNormal)
            throw new ArgumentException(
                $"the points are too close together for the {costName} cost: distances of at most about e^{logDiameter:F1} " +
                "underflow a double in the cost computation (the costs would read 0); rescale the coordinates");
        return (power * logDiameter, widest);
    }

    /// <summary>ln of the smallest normal double, 2.2250738585072014e-308.</summary>
    private static readonly double LogSmallestNormal = Math.Log(2.2250738585072014e-308);

    /// <summary>Equal total masses within <paramref name="tolerance"/> relative to the larger.</summary>
    public static void SameMass(double a, double b, double tolerance, string what)
    {
        if (Math.Abs(a - b) > tolerance * Math.Max(a, b))
            throw new ArgumentException(
                $"unequal total masses: {what} sum to {a.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} and {b.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} (they may differ by {tolerance.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} relative); normalise both explicitly");
    }

    /// <summary>
    /// Throws before anything is allocated when an n × m cost matrix cannot be built: n·m above 2³¹ − 1 (the solver
    /// indexes arcs with 32-bit integers), or 8·n·m bytes above the memory the runtime reports available. The message
    /// gives the size needed.
    /// </summary>
    public static void PairsFit(long n, long m)
    {
        long pairs = n * m;
        string size = Gigabytes(8.0 * pairs);
        if (pairs > int.MaxValue)
            throw new ArgumentException(
                $"{n} × {m} = {pairs} pairs are too many for the exact solver (at most 2³¹ − 1 = {int.MaxValue}); its cost matrix would need {size}. " +
                "Use fewer points, or the 1-D or sliced routes, which need no matrix");
        var info = GC.GetGCMemoryInfo();
        long free = info.TotalAvailableMemoryBytes - info.MemoryLoadBytes;
        if (info.TotalAvailableMemoryBytes > 0 && 8.0 * pairs > free)
            throw new ArgumentException(
                $"the {n} × {m} cost matrix of the exact solver needs {size}, more than the {Gigabytes(free)} of memory available. " +
                "Use fewer points, or the 1-D or sliced routes, which need no matrix");
    }

    private static string Gigabytes(double bytes) =>
        (bytes / 1e9).ToString(bytes < 1e8 ? "0.###" : "0.0", System.Globalization.CultureInfo.InvariantCulture) + " GB";

    /// <summary>
    /// Throws when the exact solver cannot work with costs as large as <paramref name="maxAbsCost"/>: its artificial
    /// cost (n + m + 1)·max|cᵢⱼ|, and potentials of that order, must stay finite with room to spare.
    /// </summary>
    public static void SolverCosts(double maxAbsCost, int n, int m, string paramName)
    {
        if (SolverCostsFit(maxAbsCost, n, m)) return;
        throw new ArgumentException(
            $"costs up to {maxAbsCost.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} are too large for the exact solver: " +
            $"its artificial cost (n + m + 1)·max|cᵢⱼ| = {(n + m + 1.0) * maxAbsCost:E3} must stay below {double.MaxValue / 16:E3}; " +
            "divide the costs by a constant (the optimum is divided by the same constant)", paramName);
    }

    /// <summary>Whether (n + m + 1)·max|c| leaves a factor 16 of headroom below double.MaxValue.</summary>
    public static bool SolverCostsFit(double maxAbsCost, int n, int m) => (n + m + 1.0) * maxAbsCost <= double.MaxValue / 16;
}
