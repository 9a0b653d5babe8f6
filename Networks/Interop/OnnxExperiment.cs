using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Verify.Networks.Critics;
using Verify.Networks.Experiments;
using Verify.Networks.Init;
using Verify.Networks.Training;
using Verify.Theory;

namespace Verify.Networks.Interop;

/// <summary>What evaluating an ONNX critic on two sample sets found (the ONNX counterpart of <see cref="CriticExperimentResult"/>).</summary>
/// <param name="Source">The model file.</param>
/// <param name="Options">The method whose estimate was taken (E_P f − E_Q f for the Wasserstein methods; (L(D) + 2·log 2)/2 for gan).</param>
/// <param name="Seed">Seed of the split and of the audit's interpolates.</param>
/// <param name="Estimate">The estimate on the held-out halves.</param>
/// <param name="Exact">Exact W₁ between the held-out halves (Wasserstein methods); null for gan.</param>
/// <param name="Audit">The forward-only Lipschitz audit on the held-out halves.</param>
/// <param name="PHeldOut">Held-out rows of P.</param>
/// <param name="QHeldOut">Held-out rows of Q.</param>
/// <param name="Seconds">Wall time of evaluation and audit.</param>
public sealed record OnnxExperimentResult(string Source, MethodOptions Options, long Seed, double Estimate, double? Exact,
    ForwardAuditResult Audit, int PHeldOut, int QHeldOut, double Seconds)
{
    /// <summary>|estimate − exact|/|exact|, or null without an exact value.</summary>
    public double? RelativeError => Exact is { } x ? (x != 0 ? Math.Abs(Estimate - x) / Math.Abs(x) : Estimate == 0 ? 0 : double.PositiveInfinity) : null;

    /// <summary>Lines for a terminal.</summary>
    public string ToText()
    {
        string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.AppendLine($"critic loaded from {Source} (ONNX, forward only), seed {Seed}, {Seconds:F1} s");
        sb.AppendLine($"  split: {CriticExperimentResult.Split} (held out: P {PHeldOut}, Q {QHeldOut})");
        sb.AppendLine($"  estimate ({CriticExperiment.MetricOf(Options)}, held-out)  {F(Estimate)}");
        sb.AppendLine(Exact is { } e ? $"  exact W1 (held-out)          {F(e)}" : "  exact: none (gan on samples of continuous laws: their JS is log 2 whatever the laws)");
        if (RelativeError is { } r) sb.AppendLine($"  relative error               {F(r)}");
        sb.AppendLine($"  Lipschitz (values only): finite difference {F(Audit.FiniteDifference)}, pairwise on data {F(Audit.PairwiseData)}, " +
                      $"on interpolates {F(Audit.PairwiseInterpolates)}; no upper bound (the graph's weights are not exposed)");
        return sb.ToString();
    }

    /// <summary>One JSON object: method, estimate, exact, relative_error, lipschitz (+ its parts), seed, seconds, split, loaded.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("method", Options.Method);
            w.WriteNumber("estimate", Estimate);
            if (Exact is { } e) w.WriteNumber("exact", e); else w.WriteNull("exact");
            w.WriteString("exact_metric", Exact is null ? "none" : "w1");
            if (RelativeError is { } r && double.IsFinite(r)) w.WriteNumber("relative_error", r);
            w.WriteNumber("lipschitz", Audit.Empirical);
            w.WriteNumber("lipschitz_finite_difference", Audit.FiniteDifference);
            w.WriteNumber("lipschitz_pairwise_data", Audit.PairwiseData);
            w.WriteNumber("lipschitz_pairwise_interpolates", Audit.PairwiseInterpolates);
            w.WriteNumber("steps", 0);
            w.WriteNumber("seconds", Seconds);
            w.WriteNumber("seed", Seed);
            w.WriteString("split", CriticExperimentResult.Split);
            w.WriteNumber("n_p_heldout", PHeldOut);
            w.WriteNumber("n_q_heldout", QHeldOut);
            w.WriteString("loaded", Source);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }
}

/// <summary>
/// An ONNX critic evaluated as <c>verify critic --load FILE.onnx</c> does it: the seeded split of
/// <see cref="CriticExperiment.Split"/> (the same held-out halves a trained critic would be judged on), the method's estimate
/// on the held-out halves, exact W₁ between them, and the forward-only audit (<see cref="ForwardAudit"/>).
/// </summary>
public static class OnnxExperiment
{
    /// <summary>Evaluates the ONNX model at <paramref name="path"/> on the two sample sets.</summary>
    public static OnnxExperimentResult Run(DiscreteDistribution real, DiscreteDistribution fake, MethodOptions options, string path, long seed)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(fake);
        ArgumentNullException.ThrowIfNull(options);
        using var critic = OnnxCritic<double>.Load(path);
        if (critic.InputDimension != real.Dimension || fake.Dimension != real.Dimension)
            throw new ArgumentException($"{path}: the model takes {critic.InputDimension} inputs; the samples have dimension {real.Dimension} and {fake.Dimension}");
        var rng = new Rng(unchecked((ulong)seed));
        var (_, pHeld) = CriticExperiment.Split(real, rng);
        var (_, qHeld) = CriticExperiment.Split(fake, rng);
        var clock = Stopwatch.StartNew();
        double[] p = pHeld.Points.ToArray(), q = qHeld.Points.ToArray();
        var objective = CriticObjective<double>.For(options);
        double estimate = objective.Estimate(critic, Tensors.Tensor.From(p, pHeld.Count, real.Dimension), Tensors.Tensor.From(q, qHeld.Count, real.Dimension),
            pHeld.IsUniform ? null : pHeld.Weights.ToArray(), qHeld.IsUniform ? null : qHeld.Weights.ToArray());
        ForwardAuditResult audit = ForwardAudit.Run(critic, p, q, rng, critic.SinglePrecision);
        double seconds = clock.Elapsed.TotalSeconds;
        double? exact = options is GanOptions ? null : Transport.W1(pHeld.Normalized(), qHeld.Normalized());
        return new OnnxExperimentResult(path, options, seed, estimate, exact, audit, pHeld.Count, qHeld.Count, seconds);
    }
}
