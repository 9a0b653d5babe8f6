namespace Verify.Toys.Tests.Support;

/// <summary>Small helpers on row-major point arrays.</summary>
internal static class Columns
{
    /// <summary>Coordinate k of every point.</summary>
    public static double[] Get(double[] points, int dimension, int k)
    {
        var c = new double[points.Length / dimension];
        for (int i = 0; i < c.Length; i++) c[i] = points[i * dimension + k];
        return c;
    }

    /// <summary>⟨xᵢ, u⟩ for every point.</summary>
    public static double[] Project(double[] points, int dimension, double[] u)
    {
        var c = new double[points.Length / dimension];
        for (int i = 0; i < c.Length; i++)
            for (int k = 0; k < dimension; k++) c[i] += points[i * dimension + k] * u[k];
        return c;
    }
}
