using FsCheck;
using FsCheck.Fluent;
using Verify.Theory;

namespace Verify.Properties.Checks;

/// <summary>
/// FsCheck generators shared by the claims, built only from FsCheck's own primitives (<c>Gen.Choose</c>,
/// <c>Gen.Elements</c>, <c>Select</c>/<c>SelectMany</c>), so a case is a pure function of FsCheck's seed and replays from it.
/// Real numbers are drawn on grids (an integer times a step), which also lets atoms of two laws coincide.
/// </summary>
public static class Generators
{
    /// <summary>k·<paramref name="step"/> for an integer k uniform in [<paramref name="lo"/>, <paramref name="hi"/>].</summary>
    public static Gen<double> OnGrid(int lo, int hi, double step) => Gen.Choose(lo, hi).Select(k => k * step);

    /// <summary>±10^u with u uniform on a grid of hundredths in [<paramref name="lo"/>, <paramref name="hi"/>] (a log-uniform magnitude, random sign).</summary>
    public static Gen<double> SignedLogUniform(double lo, double hi) =>
        from u in Gen.Choose((int)Math.Round(lo * 100), (int)Math.Round(hi * 100))
        from sign in Gen.Elements(-1.0, 1.0)
        select sign * Math.Pow(10.0, u / 100.0);

    /// <summary><paramref name="n"/> positive weights kᵢ/Σk with kᵢ ∈ {1, …, 100} (a probability vector with full support).</summary>
    public static Gen<double[]> Weights(int n) =>
        Gen.Choose(1, 100).ArrayOf(n).Select(Normalise);

    /// <summary>
    /// A probability vector on <paramref name="n"/> atoms with some zero entries: kᵢ ∈ {0, …, 20} with a zero one time in
    /// three, at least one positive entry, divided by Σk.
    /// </summary>
    public static Gen<double[]> SparseWeights(int n) =>
        Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 20))).ArrayOf(n).Select(k =>
        {
            if (k.All(x => x == 0)) k[0] = 1;
            return Normalise(k);
        });

    /// <summary>
    /// A discrete probability law on ℝᵈ: 1 … <paramref name="maxAtoms"/> atoms with coordinates from <paramref name="coordinate"/>
    /// and positive weights (<see cref="Weights"/>).
    /// </summary>
    public static Gen<DiscreteDistribution> Law(int dimension, int maxAtoms, Gen<double> coordinate) =>
        from n in Gen.Choose(1, maxAtoms)
        from points in coordinate.ArrayOf(n * dimension)
        from w in Weights(n)
        select new DiscreteDistribution(points, dimension, w);

    /// <summary>A permutation of 0 … n−1 drawn by FsCheck.</summary>
    public static Gen<int[]> Permutation(int n) => Gen.Shuffle(Enumerable.Range(0, n).ToArray()).Select(p => p.ToArray());

    private static double[] Normalise(int[] k)
    {
        double s = k.Sum();
        return k.Select(x => x / s).ToArray();
    }
}
