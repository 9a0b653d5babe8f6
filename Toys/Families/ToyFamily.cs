namespace Verify.Toys.Families;

/// <summary>
/// Base class of the θ-families: range check, members, and the reparameterised sample with tangents, which runs the
/// member's own generator so that points are bit-identical to <see cref="IToyDistribution.SamplePoints"/>.
/// </summary>
public abstract class ToyFamily : IToyFamily
{
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public abstract string Summary { get; }

    /// <inheritdoc/>
    public abstract int Dimension { get; }

    /// <inheritdoc/>
    public abstract ParameterRange Theta { get; }

    /// <inheritdoc/>
    public IToyDistribution At(double theta) => Member(theta);

    /// <inheritdoc/>
    public TangentSample SampleWithTangent(int n, double theta, long seed)
    {
        ToyDistribution member = Member(theta);
        ToyDistribution.CheckCount(n);
        var points = new double[checked(n * Dimension)];
        var tangents = new double[points.Length];
        member.Generate(new Random.Xoshiro256StarStar(seed), n, points, tangents);
        ToyDistribution.CheckFinite(points, member.Name, Dimension);
        ToyDistribution.CheckFinite(tangents, member.Name + " (tangents)", Dimension);
        return new TangentSample(points, tangents, Dimension);
    }

    /// <inheritdoc/>
    public ExactValues Exact(double theta0, double theta)
    {
        Theta.Check(theta0, nameof(theta0));
        Theta.Check(theta, nameof(theta));
        return ExactCore(theta0, theta);
    }

    /// <summary>P_θ after the range check.</summary>
    protected ToyDistribution Member(double theta)
    {
        Theta.Check(theta);
        return CreateMember(theta);
    }

    /// <summary>Builds P_θ (θ already checked).</summary>
    protected abstract ToyDistribution CreateMember(double theta);

    /// <summary>The exact values (both parameters already checked).</summary>
    protected abstract ExactValues ExactCore(double theta0, double theta);

    /// <summary>sign(θ − θ₀)·slope, or null at θ = θ₀ where |θ − θ₀| has a kink.</summary>
    protected static double? KinkDerivative(double theta0, double theta, double slope) =>
        theta == theta0 ? null : Math.Sign(theta - theta0) * slope;
}
