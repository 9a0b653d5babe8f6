namespace Verify.Properties.Catalogue;

/// <summary>
/// The (ε, δ) of a statistical check: when the claim is true, the check passes with probability at least 1 − δ over
/// the samples drawn, with measured values within ε of the expected ones. <see cref="Epsilon"/> is the statement
/// ("0.05 + the McDiarmid half-width of the run"); a run reports the number it computed in <see cref="Finding.Epsilon"/>.
/// </summary>
/// <param name="Epsilon">ε in words (with its parts and their reasons).</param>
/// <param name="Delta">δ: the probability that the check fails although the claim is true.</param>
public sealed record StatisticalBound(string Epsilon, double Delta);
