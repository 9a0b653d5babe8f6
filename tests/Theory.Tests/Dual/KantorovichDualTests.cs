using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.TestSupport;
using Xunit;
using Ot = Verify.Theory.Transport;

namespace Verify.Theory.Tests.Dual;

public sealed class KantorovichDualTests
{
    [Fact]
    public void ValueAndLipschitzConstantOnASmallExample()
    {
        var p = DiscreteDistribution.OneD([0.0, 2.0], [0.25, 0.75]);
        var q = DiscreteDistribution.OneD([1.0]);
        // f(x) = 3x: E_P f = 3·1.5 = 4.5, E_Q f = 3; every slope is 3
        double[] fp = [0.0, 6.0], fq = [3.0];
        Tolerance.Close(1.5, KantorovichDual.Value(p, q, fp, fq), rel: 1e-15);
        Tolerance.Close(3.0, KantorovichDual.EmpiricalLipschitz(p, q, fp, fq), rel: 1e-15);
        // pairs inside P count: f = (0, 10) on P's points 2 apart, 0 on Q → slope 5 between P's points
        Tolerance.Close(5.0, KantorovichDual.EmpiricalLipschitz(p, q, [0.0, 10.0], [5.0]), rel: 1e-15);
        // in 2-D the slope uses the Euclidean norm: |f| difference 5 over distance 5
        var a = DiscreteDistribution.FromRows([[0.0, 0.0]]);
        var b = DiscreteDistribution.FromRows([[3.0, 4.0]]);
        Assert.Equal(1.0, KantorovichDual.EmpiricalLipschitz(a, b, [5.0], [0.0]));
    }

    [Fact]
    public void AFunctionTakingTwoValuesAtOnePointHasInfiniteConstant()
    {
        var p = DiscreteDistribution.OneD([1.0]);
        Assert.Equal(double.PositiveInfinity, KantorovichDual.EmpiricalLipschitz(p, p, [1.0], [2.0]));
        Assert.Equal(0.0, KantorovichDual.EmpiricalLipschitz(p, p, [1.0], [1.0]));
    }

    [Fact]
    public void BadInputsAreRejected()
    {
        var p = DiscreteDistribution.OneD([0.0, 1.0]);
        var q = DiscreteDistribution.OneD([0.0]);
        Assert.Contains("fOnP has 1 values, P has 2", Assert.Throws<ArgumentException>(() => KantorovichDual.Value(p, q, [1.0], [1.0])).Message);
        Assert.Contains("fOnQ[0] is NaN", Assert.Throws<ArgumentException>(() => KantorovichDual.EmpiricalLipschitz(p, q, [1.0, 2.0], [double.NaN])).Message);
        var heavy = DiscreteDistribution.OneD([0.0], [2.0]);
        Assert.Contains("unequal total masses", Assert.Throws<ArgumentException>(() => KantorovichDual.Value(p, heavy, [1.0, 2.0], [1.0])).Message);
        Assert.Throws<ArgumentException>(() => KantorovichDual.Value(p, DiscreteDistribution.FromRows([[0.0, 0.0]]), [1.0, 2.0], [1.0]));
        Assert.Throws<ArgumentException>(() => KantorovichDual.CTransform(p, [1.0], q));
    }

    /// <summary>Two normalised 2-D laws of 1–6 points each, on a 0.25 lattice in [−2, 2]², weights 1–4.</summary>
    private static Arbitrary<(DiscreteDistribution P, DiscreteDistribution Q)> Pairs
    {
        get
        {
            Gen<DiscreteDistribution> law = Gen.Choose(1, 6).SelectMany(n =>
                Gen.ArrayOf(Gen.Choose(-8, 8).Select(k => k / 4.0), 2 * n).SelectMany(pts =>
                    Gen.ArrayOf(Gen.Choose(1, 4).Select(k => (double)k), n).Select(w => new DiscreteDistribution(pts, 2, w).Normalized())));
            return law.SelectMany(p => law.Select(q => (p, q))).ToArbitrary();
        }
    }

    [Property(MaxTest = 150)]
    public Property ExactW1PotentialsAttainW1WithLipschitzConstantAtMostOne() =>
        // Kantorovich–Rubinstein with the solver's own duals: f = φ = max_i(u_i − ‖x_i − ·‖) (the c-transform side) on
        // Q's points, and f = u on P's points — taken as φ(x_k), which equals u_k (checked below, to 1e-9) because optimal
        // potentials are 1-Lipschitz on supp P. Using φ on both sides keeps a point shared by P and Q at ONE value;
        // u_k and φ(x_k) can differ in the last bit, and the empirical constant of a two-valued "function" is +∞.
        Prop.ForAll(Pairs, pair =>
        {
            var (p, q) = pair;
            TransportResult r = Ot.Solve(p, q, GroundCost.Euclidean);
            double[] back = KantorovichDual.CTransform(p, r.U, p);
            double[] fp = back, fq = KantorovichDual.CTransform(p, r.U, q);
            double value = KantorovichDual.Value(p, q, fp, fq);
            double lip = KantorovichDual.EmpiricalLipschitz(p, q, fp, fq);
            string Show(DiscreteDistribution d) => string.Join(" ", Enumerable.Range(0, d.Count).Select(i => $"({d.Point(i)[0]},{d.Point(i)[1]};{d.Weights[i]:R})"));
            string detail = $"P={Show(p)} Q={Show(q)} cost={r.Cost:R} value={value:R} lip={lip:R} u=[{string.Join(",", r.U.Select(x => x.ToString("R")))}] " +
                            $"v=[{string.Join(",", r.V.Select(x => x.ToString("R")))}] back=[{string.Join(",", back.Select(x => x.ToString("R")))}]";
            Tolerance.Close(r.Cost, value, rel: 1e-9, abs: 1e-12, what: "E_P f − E_Q f vs W1; " + detail);
            Tolerance.AtMost(1, lip, abs: 1e-9, what: "Lipschitz constant; " + detail);
            Tolerance.Close(Ot.W1(p, q), value, rel: 1e-9, abs: 1e-12, what: "value vs Transport.W1; " + detail);
            Tolerance.Close(r.U, back, rel: 1e-9, abs: 1e-12, what: "φ on P vs u; " + detail);
        });

    [Property(MaxTest = 150)]
    public Property AnyCriticIsBoundedByLipschitzTimesW1() =>
        // Weak duality: E_P f − E_Q f ≤ L·W₁ for every f with empirical constant L (f(x) = a·x₀ + b·x₁ + c·sin(3x₀x₁)).
        Prop.ForAll(Pairs, Gen.Choose(-5, 5).Three().ToArbitrary(), (pair, coef) =>
        {
            var (p, q) = pair;
            var (a, b, c) = coef;
            double F(ReadOnlySpan<double> x) => a * x[0] + b * x[1] + c * Math.Sin(3 * x[0] * x[1]);
            double[] fp = Enumerable.Range(0, p.Count).Select(i => F(p.Point(i))).ToArray();
            double[] fq = Enumerable.Range(0, q.Count).Select(j => F(q.Point(j))).ToArray();
            double lip = KantorovichDual.EmpiricalLipschitz(p, q, fp, fq);
            return KantorovichDual.Value(p, q, fp, fq) <= lip * Ot.W1(p, q) + 1e-9;
        });
}
