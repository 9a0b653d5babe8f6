using Verify.Toys.Random;

namespace Verify.Toys.Families;

/// <summary>
/// Any toy law X translated along a direction u: P_θ = law of X + θu, tangent ∂x/∂θ = u.
/// Exact for every base law: W₁(P_{θ₀}, P_θ) = |θ − θ₀|·‖u‖₂ (the translation coupling costs that much, and the
/// 1-Lipschitz f(x) = ⟨x, u⟩/‖u‖ attains it), ∂W₁/∂θ = sign(θ − θ₀)·‖u‖. The other distances depend on the base law and
/// are reported as unknown, except that all vanish at θ = θ₀.
/// </summary>
public sealed class TranslatedFamily : ToyFamily
{
    private readonly ToyDistribution _base;
    private readonly double[] _direction;
    private readonly double _norm;

    /// <summary>The family X + θu with the given name and one-line summary.</summary>
    public TranslatedFamily(string name, string summary, IToyDistribution baseLaw, double[] direction)
    {
        ArgumentNullException.ThrowIfNull(baseLaw);
        ArgumentNullException.ThrowIfNull(direction);
        _base = baseLaw as ToyDistribution ?? throw new ArgumentException("the base law must be one of the toy laws", nameof(baseLaw));
        if (direction.Length != _base.Dimension)
            throw new ArgumentException($"direction has {direction.Length} coordinates, the base law lives in ℝ^{_base.Dimension}", nameof(direction));
        double n2 = 0;
        foreach (double u in direction)
        {
            if (double.IsNaN(u) || double.IsInfinity(u)) throw new ArgumentException("direction must be finite", nameof(direction));
            n2 += u * u;
        }
        if (!(n2 > 0)) throw new ArgumentException("direction must be non-zero", nameof(direction));
        _direction = (double[])direction.Clone();
        _norm = Math.Sqrt(n2);
        Name = name;
        Summary = summary;
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override string Summary { get; }

    /// <inheritdoc/>
    public override int Dimension => _base.Dimension;

    /// <inheritdoc/>
    public override ParameterRange Theta { get; } = ParameterRange.RealLine("translation along the direction u", 0.0);

    /// <inheritdoc/>
    protected override ToyDistribution CreateMember(double theta) => new Shifted(_base, _direction, theta, Name);

    /// <inheritdoc/>
    protected override ExactValues ExactCore(double theta0, double theta)
    {
        bool same = theta == theta0;
        return new ExactValues(
            W1: Math.Abs(theta - theta0) * _norm,
            JS: same ? 0.0 : null,
            KL: same ? 0.0 : null,
            KLReverse: same ? 0.0 : null,
            TV: same ? 0.0 : null,
            DW1: KinkDerivative(theta0, theta, _norm),
            DJS: null,
            Method: "closed form (translation)");
    }

    private sealed class Shifted(ToyDistribution baseLaw, double[] u, double theta, string name) : ToyDistribution
    {
        public override string Name => name;
        public override int Dimension => baseLaw.Dimension;
        public override LawKind Kind => baseLaw.Kind;
        public override string Support => $"{baseLaw.Support}, translated by θu with θ = {theta:R}";

        internal override void Generate(Xoshiro256StarStar rng, int n, double[] points, double[]? tangents)
        {
            baseLaw.Generate(rng, n, points, null);
            int d = Dimension;
            for (int i = 0; i < n; i++)
                for (int k = 0; k < d; k++)
                {
                    points[i * d + k] += theta * u[k];
                    if (tangents is not null) tangents[i * d + k] = u[k];
                }
        }

        protected override double DensityCore(ReadOnlySpan<double> x)
        {
            var shifted = new double[x.Length];
            for (int k = 0; k < x.Length; k++) shifted[k] = x[k] - theta * u[k];
            return baseLaw.Density(shifted);
        }
    }
}
