using FsCheck;
using FsCheck.Fluent;
using Verify.Properties.Catalogue;
using Verify.Properties.Checks;
using Verify.Theory;

namespace Verify.Properties.Duality;

/// <summary>
/// <c>kr-duality.bound</c>: any 1-Lipschitz f gives E_P f − E_Q f ≤ W₁(P, Q), and a K-Lipschitz f at most K·W₁
/// (Kantorovich–Rubinstein). The functions are K times a 1-Lipschitz function drawn from four families: a linear form
/// ⟨a, x⟩/‖a‖; a cone ±‖x − c‖; a minimum of shifted cones minᵢ (‖x − cᵢ‖ + bᵢ); and the optimal potential of the pair
/// itself (the c-transform of the exact dual u), for which the bound is an equality.
/// </summary>
public static class KrDualityBound
{
    /// <summary>The claim's id.</summary>
    public const string Id = "kr-duality.bound";

    /// <summary>Relative tolerance (to K·diam).</summary>
    public const double Tolerance = 1e-12;

    /// <summary>Which 1-Lipschitz function.</summary>
    public enum Shape { Linear, Cone, MinOfCones, OptimalPotential }

    /// <summary>A pair, a 1-Lipschitz function g (by its shape and parameters), and K: f = K·g.</summary>
    public sealed record Case(LawPair Pair, Shape Shape, double[][] Centres, double[] Offsets, double Sign, double K)
    {
        /// <inheritdoc/>
        public override string ToString() =>
            $"{Pair}, f = {Describe.Number(K)}·{Shape}" + (Shape == Shape.OptimalPotential ? "" :
                $" (centres/direction {string.Join(" ", Centres.Select(Describe.Vector))}, offsets {Describe.Vector(Offsets)}, sign {Describe.Number(Sign)})");

        /// <summary>g at a point.</summary>
        public double G(ReadOnlySpan<double> x, Func<DiscreteDistribution, double[]>? potentialAt = null)
        {
            switch (Shape)
            {
                case Shape.Linear:
                {
                    double[] a = Centres[0];
                    double norm = Math.Sqrt(a.Sum(t => t * t)), s = 0;
                    for (int k = 0; k < a.Length; k++) s += a[k] * x[k];
                    return norm > 0 ? s / norm : 0.0;
                }
                case Shape.Cone:
                    return Sign * Geometry.Distance(x, Centres[0]);
                default:
                {
                    double best = double.PositiveInfinity;
                    for (int i = 0; i < Centres.Length; i++) best = Math.Min(best, Geometry.Distance(x, Centres[i]) + Offsets[i]);
                    return best;
                }
            }
        }
    }

    /// <summary>Cases: a <see cref="LawPair"/>, a shape, 1–4 centres on ½ℤ ∩ [−4, 4], offsets on ¼ℤ ∩ [−2, 2], K ∈ ¼ℤ ∩ [¼, 4].</summary>
    public static Gen<Case> Generator(ClaimScale scale) =>
        from pair in LawPair.Generator(scale)
        let d = pair.P.Dimension
        from shape in Gen.Elements(Shape.Linear, Shape.Cone, Shape.MinOfCones, Shape.OptimalPotential)
        from m in Gen.Choose(1, 4)
        from centres in Generators.OnGrid(-8, 8, 0.5).ArrayOf(d).ArrayOf(m)
        from offsets in Generators.OnGrid(-8, 8, 0.25).ArrayOf(m)
        from sign in Gen.Elements(-1.0, 1.0)
        from k in Gen.Choose(1, 16)
        select new Case(pair, shape, centres, offsets, sign, k / 4.0);

    /// <summary>The check: f = K·g against the bound K·W₁.</summary>
    public static CaseCheck<Case> Check { get; } =
        new(Generator, s => s.Pick(100, 1000), c => Conditions(c, c.K));

    /// <summary>The falsification: a 2K-Lipschitz f = 2K·g checked against the bound for K.</summary>
    public static CaseCheck<Case> Falsification { get; } =
        Check.With(c => Conditions(c with { K = 2 * c.K }, c.K));

    /// <summary>The catalogue entry.</summary>
    public static Claim Claim { get; } = new(
        Id,
        "any 1-Lipschitz f gives E_P f − E_Q f ≤ W1, and a K-Lipschitz f gives at most K·W1",
        "Kantorovich–Rubinstein duality; Villani, Optimal Transport: Old and New (2009), Remark 6.5",
        ClaimKind.Exact,
        $"{Tolerance:0e0} of K·diam: exact W1 and exact function values, up to rounding (the optimal potential makes the bound an equality)",
        (s, seed) => Check.Run(s, seed, Id),
        "a function twice as steep as the Lipschitz constant the bound is given (a 2-Lipschitz f against W1)",
        (s, seed) => Falsification.Run(s, seed, Id));

    /// <summary>f = K·g evaluated on both supports (the optimal potential from the exact solve).</summary>
    public static (double[] OnP, double[] OnQ) Values(Case c)
    {
        var (p, q) = (c.Pair.P, c.Pair.Q);
        if (c.Shape == Shape.OptimalPotential)
        {
            double[] u = Transport.Solve(p, q, GroundCost.Euclidean).U;
            return (KantorovichDual.CTransform(p, u, p).Select(v => c.K * v).ToArray(), KantorovichDual.CTransform(p, u, q).Select(v => c.K * v).ToArray());
        }
        double[] On(DiscreteDistribution law) => Enumerable.Range(0, law.Count).Select(i => c.K * c.G(law.Point(i))).ToArray();
        return (On(p), On(q));
    }

    /// <summary>The bound condition for f = K·g (from the case) against <paramref name="lipschitz"/>·W₁.</summary>
    public static IReadOnlyList<Condition> Conditions(Case c, double lipschitz)
    {
        var (onP, onQ) = Values(c);
        double value = KantorovichDual.Value(c.Pair.P, c.Pair.Q, onP, onQ);
        double w1 = Transport.W1(c.Pair.P, c.Pair.Q);
        return [Condition.AtMost("(E_P f − E_Q f − K·W1)/(K·diam)", (value - lipschitz * w1) / (lipschitz * c.Pair.Scale), 0.0, Tolerance)];
    }
}
