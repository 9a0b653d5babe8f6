using Verify.Toys.Random;

namespace Verify.Toys.Families;

/// <summary>
/// The parallel lines of the WGAN paper (Arjovsky, Chintala &amp; Bottou 2017, Example 1): Z ~ U[0, 1],
/// G_θ(z) = (θ, z), so P_θ is uniform on the segment {θ} × [0, 1] ⊂ ℝ² — a singular law.
/// Between P_{θ₀} and P_θ with θ ≠ θ₀: W₁ = |θ − θ₀|, JS = ln 2, KL = +∞ (both ways), TV = 1; all are 0 at θ = θ₀.
/// Only W₁ is continuous in θ; ∂W₁/∂θ = sign(θ − θ₀), and ∂JS/∂θ = 0 away from θ₀ (no usable gradient).
/// Tangent ∂x/∂θ = (1, 0).
/// </summary>
public sealed class ParallelLines : ToyFamily
{
    /// <inheritdoc/>
    public override string Name => "parallel-lines";

    /// <inheritdoc/>
    public override string Summary => "P_θ = law of (θ, Z), Z ~ U[0,1] (WGAN paper, Example 1); singular in ℝ²";

    /// <inheritdoc/>
    public override int Dimension => 2;

    /// <inheritdoc/>
    public override ParameterRange Theta { get; } = ParameterRange.RealLine("horizontal position of the segment", 0.0);

    /// <inheritdoc/>
    protected override ToyDistribution CreateMember(double theta) => new Line(theta);

    /// <inheritdoc/>
    protected override ExactValues ExactCore(double theta0, double theta)
    {
        bool same = theta == theta0;
        return new ExactValues(
            W1: Math.Abs(theta - theta0),
            JS: same ? 0.0 : Math.Log(2.0),
            KL: same ? 0.0 : double.PositiveInfinity,
            KLReverse: same ? 0.0 : double.PositiveInfinity,
            TV: same ? 0.0 : 1.0,
            DW1: KinkDerivative(theta0, theta, 1.0),
            DJS: same ? null : 0.0,
            Method: "closed form (WGAN paper, Example 1)");
    }

    private sealed class Line(double theta) : ToyDistribution
    {
        public override string Name => "parallel-lines";
        public override int Dimension => 2;
        public override LawKind Kind => LawKind.Singular;
        public override string Support => $"the segment {{{theta:R}}} × [0, 1] ⊂ ℝ² (uniform on it)";

        internal override void Generate(Xoshiro256StarStar rng, int n, double[] points, double[]? tangents)
        {
            for (int i = 0; i < n; i++)
            {
                points[2 * i] = theta;
                points[2 * i + 1] = rng.NextDouble();
                if (tangents is not null)
                {
                    tangents[2 * i] = 1.0;
                    tangents[2 * i + 1] = 0.0;
                }
            }
        }
    }
}
