namespace Verify.Theory;

/// <summary>
/// Front door for the closed forms and integrals the numerical routes are checked against: the parallel-lines family
/// (<see cref="ParallelLines"/>) and the GAN value at the optimal discriminator for densities given as functions
/// (<see cref="GanOptimum"/>, <see cref="DensityDivergences"/>). The 1-D Gaussians (KL, W₁, W₂, all closed forms)
/// have their one home in <see cref="Gaussian1D"/>.
/// </summary>
public static class ClosedForms
{
    /// <summary>W₁(P₀, P_θ) = |θ| for the parallel lines.</summary>
    public static double ParallelLinesW1(double theta) => ParallelLines.W1(theta);

    /// <summary>JS(P₀, P_θ) = log 2 for θ ≠ 0, 0 at θ = 0.</summary>
    public static double ParallelLinesJS(double theta) => ParallelLines.JS(theta);

    /// <summary>KL(P₀ ‖ P_θ) = +∞ for θ ≠ 0, 0 at θ = 0.</summary>
    public static double ParallelLinesKL(double theta) => ParallelLines.KL(theta);

    /// <summary>TV(P₀, P_θ) = 1 for θ ≠ 0, 0 at θ = 0.</summary>
    public static double ParallelLinesTV(double theta) => ParallelLines.TV(theta);

    /// <summary>D*(x) = p_r(x)/(p_r(x) + p_g(x)), defined as ½ where both densities vanish.</summary>
    public static double OptimalDiscriminator(Func<double, double> pr, Func<double, double> pg, double x) => GanOptimum.Discriminator(pr, pg, x);

    /// <summary>L(G, D*) = ∫ₐᵇ p_r log D* + p_g log(1 − D*) dx by numerical integration (= 2·JS − 2 log 2).</summary>
    /// <remarks>p_r and p_g must be probability densities with their mass inside [a, b] (checked to 1e-6; ArgumentException
    /// otherwise). Optional <paramref name="breakpoints"/>: points where a density jumps (they save work, the result does not need them).</remarks>
    public static double GanValueAtOptimum(Func<double, double> pr, Func<double, double> pg, double a, double b, IReadOnlyList<double>? breakpoints = null) =>
        GanOptimum.Value(pr, pg, a, b, breakpoints);

    /// <summary>JS of two densities on [a, b] by numerical integration of the mixture form.</summary>
    /// <remarks>p_r and p_g must be probability densities with their mass inside [a, b] (checked to 1e-6; ArgumentException
    /// otherwise); equal laws give exactly 0 and nearly equal ones full relative precision (≈ ⅛·Fisher·Δ² for a shift Δ).
    /// Optional <paramref name="breakpoints"/>: points where a density jumps (they save work, the result does not need them).</remarks>
    public static double JSOfDensities(Func<double, double> pr, Func<double, double> pg, double a, double b, IReadOnlyList<double>? breakpoints = null) =>
        DensityDivergences.JS(pr, pg, a, b, breakpoints);
}
