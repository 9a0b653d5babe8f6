using Verify.Theory;

namespace Verify.Properties.Checks;

/// <summary>Distances over the support points of discrete laws (the scales the exact claims measure against).</summary>
public static class Geometry
{
    /// <summary>The largest distance ‖x − y‖₂ between two support points of the given laws (0 for a single point).</summary>
    public static double Diameter(params DiscreteDistribution[] laws) => Extreme(laws, largest: true);

    /// <summary>The smallest positive distance between two distinct support points of the given laws (+∞ if all coincide).</summary>
    public static double MinimumSeparation(params DiscreteDistribution[] laws) => Extreme(laws, largest: false);

    /// <summary>‖x − y‖₂.</summary>
    public static double Distance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double s = 0;
        for (int k = 0; k < x.Length; k++)
        {
            double t = x[k] - y[k];
            s += t * t;
        }
        return Math.Sqrt(s);
    }

    private static double Extreme(DiscreteDistribution[] laws, bool largest)
    {
        ArgumentNullException.ThrowIfNull(laws);
        var points = new List<double[]>();
        foreach (var law in laws)
            for (int i = 0; i < law.Count; i++) points.Add(law.Point(i).ToArray());
        double best = largest ? 0.0 : double.PositiveInfinity;
        for (int i = 0; i < points.Count; i++)
            for (int j = i + 1; j < points.Count; j++)
            {
                double d = Distance(points[i], points[j]);
                if (largest ? d > best : d > 0 && d < best) best = d;
            }
        return best;
    }
}
