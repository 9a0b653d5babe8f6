using Verify.Toys.Random;

namespace Verify.Toys.Families;

/// <summary>
/// The uniform law on a segment (d = 1) or a square (d = 2) of side w, shifted along the first axis:
/// P_θ = U([θ, θ + w] × [0, w]^{d−1}), G_θ(u) = (θ + w·u₁, w·u₂, …), tangent ∂x/∂θ = e₁.
/// With δ = |θ − θ₀|: W₁ = δ (a translation), TV = min(δ/w, 1), JS = ln 2 · min(δ/w, 1) (mass δ/w of each law sits
/// where the other has none, and the overlap contributes nothing), KL = +∞ both ways for δ &gt; 0 (neither support
/// contains the other). Overlapping supports for δ &lt; w, disjoint for δ ≥ w. ∂JS/∂θ = sign(θ − θ₀)·ln 2/w for
/// 0 &lt; δ &lt; w, 0 for δ &gt; w, undefined (null) at δ ∈ {0, w}.
/// </summary>
public sealed class ShiftedUniform : ToyFamily
{
    /// <summary>The segment (d = 1) or square (d = 2) of side <paramref name="width"/> (default 1).</summary>
    public ShiftedUniform(int dimension, double width = 1.0)
    {
        if (dimension is not (1 or 2)) throw new ArgumentException($"dimension must be 1 (segment) or 2 (square), got {dimension}", nameof(dimension));
        if (!(width > 0) || double.IsInfinity(width)) throw new ArgumentException($"width must be positive and finite, got {width:R}", nameof(width));
        Dimension = dimension;
        Width = width;
    }

    /// <summary>w.</summary>
    public double Width { get; }

    /// <inheritdoc/>
    public override string Name => Dimension == 1 ? "uniform-segment" : "uniform-square";

    /// <inheritdoc/>
    public override string Summary => Dimension == 1
        ? $"P_θ = U[θ, θ+w], w = {Width:R}"
        : $"P_θ = U([θ, θ+w] × [0, w]), w = {Width:R}";

    /// <inheritdoc/>
    public override int Dimension { get; }

    /// <inheritdoc/>
    public override ParameterRange Theta { get; } = ParameterRange.RealLine("shift along the first axis", 0.0);

    /// <inheritdoc/>
    protected override ToyDistribution CreateMember(double theta) => new Box(Name, theta, Width, Dimension);

    /// <inheritdoc/>
    protected override ExactValues ExactCore(double theta0, double theta)
    {
        double delta = Math.Abs(theta - theta0), w = Width;
        double overlapLoss = Math.Min(delta / w, 1.0);
        double? djs = delta == 0 || delta == w ? null : delta < w ? Math.Sign(theta - theta0) * Math.Log(2.0) / w : 0.0;
        return new ExactValues(
            W1: delta,
            JS: Math.Log(2.0) * overlapLoss,
            KL: delta == 0 ? 0.0 : double.PositiveInfinity,
            KLReverse: delta == 0 ? 0.0 : double.PositiveInfinity,
            TV: overlapLoss,
            DW1: KinkDerivative(theta0, theta, 1.0),
            DJS: djs,
            Method: "closed form");
    }

    private sealed class Box(string name, double theta, double width, int dimension) : ToyDistribution
    {
        public override string Name => name;
        public override int Dimension => dimension;
        public override LawKind Kind => LawKind.AbsolutelyContinuous;
        public override string Support => dimension == 1
            ? $"[{theta:R}, {theta + width:R}]"
            : $"[{theta:R}, {theta + width:R}] × [0, {width:R}]";

        internal override void Generate(Xoshiro256StarStar rng, int n, double[] points, double[]? tangents)
        {
            for (int i = 0; i < n; i++)
            {
                points[i * dimension] = theta + width * rng.NextDouble();
                if (dimension == 2) points[i * 2 + 1] = width * rng.NextDouble();
                if (tangents is not null)
                {
                    tangents[i * dimension] = 1.0;
                    if (dimension == 2) tangents[i * 2 + 1] = 0.0;
                }
            }
        }

        protected override double DensityCore(ReadOnlySpan<double> x)
        {
            bool inside = x[0] >= theta && x[0] <= theta + width && (dimension == 1 || (x[1] >= 0 && x[1] <= width));
            return inside ? Math.Pow(width, -dimension) : 0.0;
        }
    }
}
