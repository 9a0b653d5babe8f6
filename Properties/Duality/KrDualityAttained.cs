using Verify.Properties.Catalogue;
using Verify.Properties.Checks;
using Verify.Theory;

namespace Verify.Properties.Duality;

/// <summary>
/// <c>kr-duality.attained</c>: the exact dual potentials (u on supp P, v on supp Q) of the transport problem, extended
/// by the c-transform φ(z) = maxᵢ (uᵢ − ‖xᵢ − z‖), give a 1-Lipschitz function that attains the Kantorovich–Rubinstein
/// supremum: E_P φ − E_Q φ = W₁(P, Q). Checked on random discrete laws: the empirical Lipschitz constant of φ over
/// supp P ∪ supp Q is at most 1, and the value equals the exact W₁, both relative to the diameter.
/// </summary>
public static class KrDualityAttained
{
    /// <summary>The claim's id.</summary>
    public const string Id = "kr-duality.attained";

    /// <summary>Relative tolerance (to the diameter).</summary>
    public const double Tolerance = 1e-12;

    /// <summary>The check with c-transformed potentials.</summary>
    public static CaseCheck<LawPair> Check { get; } =
        new(LawPair.Generator, s => s.Pick(100, 1000), c => Conditions(c, CTransformed));

    /// <summary>
    /// The falsification: the c-transform of the potential u of a solve stopped after one pivot (status IterationLimit),
    /// which is still 1-Lipschitz but no longer optimal.
    /// </summary>
    public static CaseCheck<LawPair> Falsification { get; } =
        Check.With(c => Conditions(c, CTransformed, new TransportOptions { MaxIterations = 1 }));

    /// <summary>The catalogue entry.</summary>
    public static Claim Claim { get; } = new(
        Id,
        "the exact potentials, c-transformed, are 1-Lipschitz and attain W1",
        "Kantorovich–Rubinstein duality; Villani, Optimal Transport: Old and New (2009), Thm. 5.10 and Remark 6.5",
        ClaimKind.Exact,
        $"{Tolerance:0e0} of the diameter: the potentials come from a certified solve (zero duality gap) and are exact up to rounding",
        (s, seed) => Check.Run(s, seed, Id),
        "the potential of a transport solve stopped after one pivot (status IterationLimit), c-transformed: 1-Lipschitz, but not optimal",
        (s, seed) => Falsification.Run(s, seed, Id));

    /// <summary>φ on supp P and on supp Q: the c-transform of the optimal u.</summary>
    public static (double[] OnP, double[] OnQ) CTransformed(LawPair c, TransportResult r) =>
        (KantorovichDual.CTransform(c.P, r.U, c.P), KantorovichDual.CTransform(c.P, r.U, c.Q));

    /// <summary>The conditions on the potential <paramref name="potential"/> builds from a solve with <paramref name="options"/>.</summary>
    public static IReadOnlyList<Condition> Conditions(LawPair c, Func<LawPair, TransportResult, (double[] OnP, double[] OnQ)> potential,
        TransportOptions? options = null)
    {
        TransportResult r = Transport.Solve(c.P, c.Q, GroundCost.Euclidean, options);
        var (onP, onQ) = potential(c, r);
        double scale = c.Scale, w1 = Transport.W1(c.P, c.Q);
        return
        [
            Condition.Equal("attains: (E_P f − E_Q f − W1)/diam", (KantorovichDual.Value(c.P, c.Q, onP, onQ) - w1) / scale, 0.0, Tolerance),
            Condition.AtMost("1-Lipschitz: max |f(z) − f(z′)|/‖z − z′‖ − 1", KantorovichDual.EmpiricalLipschitz(c.P, c.Q, onP, onQ) - 1, 0.0, Tolerance),
        ];
    }
}
