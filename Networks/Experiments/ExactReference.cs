namespace Verify.Networks.Experiments;

/// <summary>
/// A known value of the distance between the laws the samples were drawn from (not between the samples), such as a toy
/// family's closed form: W₁(N(0, 1), N(0.5, 1)) = 0.5, or JS of two Gaussians by quadrature.
/// </summary>
/// <param name="Value">The value (W₁, or JS in nats).</param>
/// <param name="Metric">"w1" or "js".</param>
/// <param name="Source">Where it comes from, e.g. "gaussian-location closed form, θ 0 → 0.5".</param>
public sealed record ExactReference(double Value, string Metric, string Source)
{
    /// <summary>Checks the value is finite and non-negative and the metric is known.</summary>
    public void Validate()
    {
        if (!(Value >= 0) || double.IsInfinity(Value)) throw new ArgumentException($"reference value must be finite and non-negative, got {Value}");
        if (Metric is not ("w1" or "js")) throw new ArgumentException($"reference metric must be w1 or js, got '{Metric}'");
    }
}
