namespace Verify.Toys.Families;

/// <summary>What kind of measure a toy law is, which decides whether a density exists.</summary>
public enum LawKind
{
    /// <summary>Absolutely continuous with respect to Lebesgue measure on ℝᵈ: a density p(x) exists.</summary>
    AbsolutelyContinuous,

    /// <summary>Concentrated on a Lebesgue-null set (a segment in ℝ², a curve…): no density; the support is stated.</summary>
    Singular,

    /// <summary>Finitely many atoms: probabilities, no density.</summary>
    Discrete,
}
