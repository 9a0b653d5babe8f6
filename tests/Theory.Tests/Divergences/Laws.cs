using FsCheck;
using FsCheck.Fluent;

namespace Verify.Theory.Tests.Divergences;

/// <summary>FsCheck generators of probability laws for the divergence properties (built from FsCheck primitives only).</summary>
internal static class Laws
{
    /// <summary>A non-negative integer mass, zero one time in four (so supports differ often).</summary>
    private static readonly Gen<int> Mass = Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 1000)));

    /// <summary>A probability vector of length n: integer masses divided by their sum (the first made 1 if all are 0).</summary>
    public static Gen<double[]> Vector(int n) =>
        Gen.ArrayOf(Mass, n).Select(m =>
        {
            if (m.Sum() == 0) m[0] = 1;
            double s = m.Sum();
            return m.Select(k => k / s).ToArray();
        });

    /// <summary>Two probability vectors over the same 1–8 atoms.</summary>
    public static Arbitrary<(double[] P, double[] Q)> VectorPairs =>
        Gen.Choose(1, 8).SelectMany(n => Vector(n).SelectMany(p => Vector(n).Select(q => (p, q)))).ToArbitrary();

    /// <summary>Two probability vectors with disjoint supports: P lives on the first n atoms, Q on the last m.</summary>
    public static Arbitrary<(double[] P, double[] Q)> DisjointPairs =>
        Gen.Choose(1, 5).SelectMany(n => Gen.Choose(1, 5).SelectMany(m =>
            Vector(n).SelectMany(a => Vector(m).Select(b =>
            {
                var p = new double[n + m];
                var q = new double[n + m];
                a.CopyTo(p, 0);
                b.CopyTo(q, n);
                return (p, q);
            })))).ToArbitrary();

    /// <summary>
    /// A normalised 2-D law of 1–6 points drawn (with repetition) from the 3×3 grid {0,1,2}², integer weights 1–5:
    /// repeated points and shared atoms between two such laws are common.
    /// </summary>
    public static Gen<DiscreteDistribution> GridLaw =>
        Gen.Choose(1, 6).SelectMany(n =>
            Gen.ArrayOf(Gen.Choose(0, 8), n).SelectMany(cells =>
                Gen.ArrayOf(Gen.Choose(1, 5), n).Select(w =>
                    new DiscreteDistribution(cells.SelectMany(c => new double[] { c / 3, c % 3 }).ToArray(), 2,
                        w.Select(k => (double)k).ToArray()).Normalized())));

    public static Arbitrary<(DiscreteDistribution P, DiscreteDistribution Q)> GridLawPairs =>
        GridLaw.SelectMany(p => GridLaw.Select(q => (p, q))).ToArbitrary();
}
