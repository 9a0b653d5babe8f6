namespace Verify.Toys.Modes;

/// <summary>One mode of a mixture: its centre in ℝᵈ and the isotropic standard deviation σ around it (after any scaling).</summary>
public sealed record Mode(double[] Centre, double Sigma);

/// <summary>A law that declares its modes (the 8 and 25 Gaussians), for mode-coverage metrics.</summary>
public interface IHasModes
{
    /// <summary>The modes, in a fixed order.</summary>
    IReadOnlyList<Mode> Modes { get; }
}
