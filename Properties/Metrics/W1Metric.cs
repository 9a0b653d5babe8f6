using FsCheck;
using FsCheck.Fluent;
using Verify.Properties.Catalogue;
using Verify.Properties.Checks;
using Verify.Theory;

namespace Verify.Properties.Metrics;

/// <summary>
/// <c>w1.metric</c>: W₁ is a metric on probability laws (Villani 2009, Def. 6.1 and the theorem after it), checked on
/// random discrete laws P, Q, R in dimension 1–3 by Theory's exact transport:
/// identity W₁(P, P′) = 0 for P′ the same measure written differently (atoms permuted, one atom split in two);
/// symmetry W₁(P, Q) = W₁(Q, P); the triangle inequality W₁(P, R) ≤ W₁(P, Q) + W₁(Q, R); and separation
/// W₁(P, Q) ≥ δ_min·TV(P, Q), where δ_min is the smallest distance between distinct support points — every unit of mass
/// that must move (at least TV of it) travels at least δ_min — so W₁ = 0 only when P = Q.
/// All four are divided by the diameter of the supports, so the tolerance is relative.
/// </summary>
public static class W1Metric
{
    /// <summary>The claim's id.</summary>
    public const string Id = "w1.metric";

    /// <summary>Relative tolerance: W₁ is a sum of ≤ n + m − 1 products γᵢⱼcᵢⱼ with cᵢⱼ ≤ diam, each exact to a few ulps.</summary>
    public const double Tolerance = 1e-12;

    /// <summary>Three laws in one dimension, and P written differently.</summary>
    public sealed record Case(DiscreteDistribution P, DiscreteDistribution Q, DiscreteDistribution R, DiscreteDistribution PRewritten)
    {
        /// <inheritdoc/>
        public override string ToString() =>
            $"P = {Describe.Law(P)}, Q = {Describe.Law(Q)}, R = {Describe.Law(R)}, P rewritten = {Describe.Law(PRewritten)}";
    }

    /// <summary>Cases: d ∈ {1, 2, 3}, up to 6 (quick) or 12 (full) atoms per law, coordinates on the grid ¼ℤ ∩ [−10, 10].</summary>
    public static Gen<Case> Generator(ClaimScale scale) =>
        from d in Gen.Elements(1, 2, 3)
        let atoms = scale.Pick(6, 12)
        let coordinate = Generators.OnGrid(-40, 40, 0.25)
        from p in Generators.Law(d, atoms, coordinate)
        from q in Generators.Law(d, atoms, coordinate)
        from r in Generators.Law(d, atoms, coordinate)
        from perm in Generators.Permutation(p.Count)
        select new Case(p, q, r, Rewrite(p, perm));

    /// <summary>The check of W₁ (<see cref="Transport.W1"/>).</summary>
    public static CaseCheck<Case> Check { get; } =
        new(Generator, s => s.Pick(100, 1000), c => Conditions(c, Transport.W1));

    /// <summary>The falsification: the same conditions for W₂² = min Σ γᵢⱼ‖xᵢ − yⱼ‖², which is not a metric (0, 1, 2 on a line: 4 &gt; 1 + 1).</summary>
    public static CaseCheck<Case> Falsification { get; } =
        Check.With(c => Conditions(c, (p, q) => Transport.Solve(p, q, GroundCost.SquaredEuclidean).Cost));

    /// <summary>The catalogue entry.</summary>
    public static Claim Claim { get; } = new(
        Id,
        "W1 is a metric: identity, symmetry and the triangle inequality, on random discrete laws",
        "Villani, Optimal Transport: Old and New (2009), Def. 6.1",
        ClaimKind.Exact,
        $"{Tolerance:0e0} of the supports' diameter: exact transport values are sums of at most n+m−1 products of a plan entry and a cost ≤ the diameter, each exact to a few ulps",
        (s, seed) => Check.Run(s, seed, Id),
        "W2² (exact transport with the squared cost ‖x − y‖²) in place of W1: it is not a metric and breaks the triangle inequality",
        (s, seed) => Falsification.Run(s, seed, Id));

    /// <summary>The four conditions for a distance function <paramref name="w"/>.</summary>
    public static IReadOnlyList<Condition> Conditions(Case c, Func<DiscreteDistribution, DiscreteDistribution, double> w)
    {
        double diam = Geometry.Diameter(c.P, c.Q, c.R);
        double scale = diam > 0 ? diam : 1.0;
        double pq = w(c.P, c.Q), qp = w(c.Q, c.P), qr = w(c.Q, c.R), pr = w(c.P, c.R);
        double separation = Geometry.MinimumSeparation(c.P, c.Q);
        double tv = Divergences.TV(c.P, c.Q);
        double floor = double.IsInfinity(separation) ? 0.0 : separation * tv;
        return
        [
            Condition.Equal("identity: W(P, P′)/diam for P′ = P rewritten", w(c.P, c.PRewritten) / scale, 0.0, Tolerance),
            Condition.Equal("symmetry: (W(P, Q) − W(Q, P))/diam", (pq - qp) / scale, 0.0, Tolerance),
            Condition.AtMost("triangle: (W(P, R) − W(P, Q) − W(Q, R))/diam", (pr - pq - qr) / scale, 0.0, Tolerance),
            Condition.AtLeast("separation: (W(P, Q) − δ_min·TV(P, Q))/diam", (pq - floor) / scale, 0.0, Tolerance),
        ];
    }

    /// <summary>P with its atoms permuted and its first atom split into two halves (the same measure).</summary>
    public static DiscreteDistribution Rewrite(DiscreteDistribution p, int[] permutation)
    {
        int d = p.Dimension, n = p.Count;
        var points = new double[(n + 1) * d];
        var weights = new double[n + 1];
        for (int k = 0; k < n; k++)
        {
            p.Point(permutation[k]).CopyTo(points.AsSpan(k * d, d));
            weights[k] = p.Weights[permutation[k]];
        }
        p.Point(permutation[0]).CopyTo(points.AsSpan(n * d, d));
        weights[0] *= 0.5;
        weights[n] = weights[0];
        return new DiscreteDistribution(points, d, weights);
    }
}
