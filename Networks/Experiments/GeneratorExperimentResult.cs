using Verify.Networks.Checkpoints;
using Verify.Networks.Critics;
using Verify.Networks.Training;

namespace Verify.Networks.Experiments;

/// <summary>
/// The outcome of a generator-training experiment: one log record per generator iteration, the final generated samples,
/// both networks, and the checkpoint a run writes ("critic.*" and "generator.*" tensors with their metadata).
/// </summary>
/// <param name="Request">The request as run.</param>
/// <param name="CriticArchitecture">The critic's architecture (d → H × L → 1, ReLU).</param>
/// <param name="GeneratorSizes">The generator's widths (noise dimension → H × L → d, ReLU, no output activation).</param>
/// <param name="Records">One record per completed generator iteration.</param>
/// <param name="Samples">Generated samples (row-major, <see cref="GeneratorExperimentRequest.Samples"/> × d), drawn after the last iteration.</param>
/// <param name="Critic">The critic.</param>
/// <param name="Generator">The generator's tensors (PyTorch nn.Sequential names), F32 or F64 as the precision.</param>
/// <param name="Seconds">Wall time of the training loop.</param>
/// <param name="Interrupted">True when the run was cancelled before its last iteration.</param>
public sealed record GeneratorExperimentResult(GeneratorExperimentRequest Request, CriticArchitecture CriticArchitecture, IReadOnlyList<int> GeneratorSizes,
    IReadOnlyList<IterationRecord> Records, double[] Samples, TrainedCritic Critic, IReadOnlyList<NamedArray> Generator, double Seconds, bool Interrupted)
{
    /// <summary>The checkpoint's tensors: the critic under "critic.", the generator under "generator.".</summary>
    public IReadOnlyList<NamedArray> CheckpointTensors() =>
        [.. Critic.Export(CriticCheckpoint.TrainPrefix), .. Generator.Select(a => new NamedArray("generator." + a.Name, a.DType, a.Shape, a.Values))];

    /// <summary>
    /// The checkpoint's metadata: the method's settings, the seed, the family, the iterations done, the precision, the
    /// critic's architecture (<see cref="CriticCheckpoint.Metadata"/>, so <c>verify critic --load</c> needs no --sizes) and
    /// the generator's widths.
    /// </summary>
    public Dictionary<string, string> CheckpointMetadata()
    {
        var m = Request.Options.Settings().ToDictionary(s => s.Key, s => MethodOptions.Format(s.Value));
        m["seed"] = Request.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        m["family"] = Request.Law.Name;
        m["iterations"] = Records.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        m["interrupted"] = Interrupted ? "true" : "false";
        m["precision"] = PrecisionNames.NameOf(Request.Precision);
        m["critic_architecture"] = CriticArchitecture.ToString();
        foreach (var (k, v) in CriticCheckpoint.Metadata(CriticArchitecture)) m[k] = v;
        m["generator_sizes"] = string.Join(',', GeneratorSizes);
        return m;
    }
}
