namespace Verify.Toys.Families;

/// <summary>
/// Exact distances between two members P = P_{θ₀} (the reference, e.g. the real law) and Q = P_θ of a family,
/// as functions of θ. A null entry means "not known in closed form" or, for a derivative, "not differentiable there"
/// (never a silent NaN). KL may be +∞. Logarithms are natural (nats).
/// </summary>
/// <param name="W1">W₁(P_{θ₀}, P_θ), ground cost ‖x − y‖₂.</param>
/// <param name="JS">JS(P_{θ₀}, P_θ) = ½KL(P‖M) + ½KL(Q‖M), M = ½(P+Q); at most ln 2.</param>
/// <param name="KL">KL(P_{θ₀} ‖ P_θ).</param>
/// <param name="KLReverse">KL(P_θ ‖ P_{θ₀}).</param>
/// <param name="TV">sup_A |P(A) − Q(A)| ∈ [0, 1].</param>
/// <param name="DW1">∂/∂θ W₁(P_{θ₀}, P_θ).</param>
/// <param name="DJS">∂/∂θ JS(P_{θ₀}, P_θ).</param>
/// <param name="Method">How the values were obtained ("closed form", or which quadrature).</param>
public sealed record ExactValues(double? W1, double? JS, double? KL, double? KLReverse, double? TV, double? DW1, double? DJS, string Method)
{
    /// <summary>Nothing known.</summary>
    public static ExactValues Unknown { get; } = new(null, null, null, null, null, null, null, "none known");
}
