namespace Verify.Toys.Families;

/// <summary>
/// A family θ ↦ P_θ = law of G_θ(z), z from a fixed noise law: the members, the reparameterised sample with its
/// tangent ∂x/∂θ, and the exact distances between two members where they are known.
/// </summary>
public interface IToyFamily
{
    /// <summary>Short name, e.g. "parallel-lines".</summary>
    string Name { get; }

    /// <summary>One line: the law and its source.</summary>
    string Summary { get; }

    /// <summary>d.</summary>
    int Dimension { get; }

    /// <summary>The allowed θ and its default.</summary>
    ParameterRange Theta { get; }

    /// <summary>The member P_θ (throws <see cref="ArgumentException"/> outside <see cref="Theta"/>).</summary>
    IToyDistribution At(double theta);

    /// <summary>
    /// n points xᵢ = G_θ(zᵢ) and their tangents ∂xᵢ/∂θ. The points are bit-identical to <c>At(θ).SamplePoints(n, seed)</c>:
    /// the same seed gives the same zᵢ for every θ (common random numbers), so finite differences in θ are meaningful.
    /// </summary>
    TangentSample SampleWithTangent(int n, double theta, long seed);

    /// <summary>Exact W₁, JS, KL (both ways), TV between P_{θ₀} and P_θ, with ∂W₁/∂θ and ∂JS/∂θ, where known.</summary>
    ExactValues Exact(double theta0, double theta);
}
