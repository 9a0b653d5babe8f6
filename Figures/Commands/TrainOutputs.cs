using System.Globalization;
using System.Text;
using System.Text.Json;
using Verify.Figures.Io;
using Verify.Networks.Checkpoints;
using Verify.Networks.Experiments;
using Verify.Networks.Training;

namespace Verify.Figures.Commands;

/// <summary>
/// The files of a <c>verify train</c> run: log.csv and samples.csv (plain CSV: one header row, then rows), each with a
/// provenance sidecar FILE.csv.json (file, format, columns, rows, command, version, family, theta, seed, then the run's
/// settings), and checkpoint.safetensors.
/// </summary>
internal static class TrainOutputs
{
    public const string LogFile = "log.csv";
    public const string SamplesFile = "samples.csv";
    public const string CheckpointFile = "checkpoint.safetensors";

    /// <summary>Writes samples, checkpoint and the sidecars (atomically, each); returns the paths written.</summary>
    public static IReadOnlyList<string> Write(string dir, TrainRun run, GeneratorExperimentResult result)
    {
        string samples = Path.Combine(dir, SamplesFile), checkpoint = Path.Combine(dir, CheckpointFile);
        IReadOnlyList<string> columns = run.Entry.Columns;
        SampleCsv.Write(samples, columns, result.Samples);
        WriteSidecar(samples, columns, result.Samples.Length / columns.Count, run, result);
        WriteLogSidecar(dir, run, result);
        // Through AtomicFile like every other output: temp file + rename for a regular file, cleaned on interruption.
        AtomicFile.WriteBytes(checkpoint, SafeTensors.Serialize(new SafeTensorsFile(result.CheckpointTensors(), result.CheckpointMetadata())));
        return [Path.Combine(dir, LogFile), samples, checkpoint];
    }

    /// <summary>The sidecar of log.csv (its rows counted from the file as written).</summary>
    public static void WriteLogSidecar(string dir, TrainRun run, GeneratorExperimentResult? result)
    {
        string log = Path.Combine(dir, LogFile);
        long rows = File.Exists(log) ? Math.Max(0, File.ReadLines(log).Count() - 1) : 0;
        WriteSidecar(log, IterationRecord.CsvHeader.Split(','), rows, run, result);
    }

    /// <summary>
    /// FILE.json beside <paramref name="dataPath"/>: file, format, columns, rows, command, version, family, theta (null for
    /// a fixed law), seed, then iterations, hidden, layers, precision, iterations_done and interrupted (when finished), options.
    /// </summary>
    public static void WriteSidecar(string dataPath, IReadOnlyList<string> columns, long rows, TrainRun run, GeneratorExperimentResult? result)
    {
        var r = run.Request;
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("file", Path.GetFileName(dataPath));
            w.WriteString("format", "csv");
            w.WriteStartArray("columns");
            foreach (string c in columns) w.WriteStringValue(c);
            w.WriteEndArray();
            w.WriteNumber("rows", rows);
            w.WriteString("command", run.Command);
            w.WriteString("version", Sidecar.Version);
            w.WriteString("family", run.Entry.Name);
            if (run.Theta is { } theta) w.WriteNumber("theta", theta);
            else w.WriteNull("theta");
            w.WriteNumber("seed", r.Seed);
            w.WriteNumber("iterations", r.Iterations);
            w.WriteNumber("hidden", r.Hidden);
            w.WriteNumber("layers", r.Layers);
            w.WriteString("precision", PrecisionNames.NameOf(r.Precision));
            if (result is not null)
            {
                w.WriteNumber("iterations_done", result.Records.Count);
                w.WriteBoolean("interrupted", result.Interrupted);
            }
            w.WriteStartObject("options");
            foreach (var (key, value) in r.Options.Settings())
            {
                switch (value)
                {
                    case double x: w.WriteNumber(key, x); break;
                    case int i: w.WriteNumber(key, i); break;
                    case bool b: w.WriteBoolean(key, b); break;
                    default: w.WriteString(key, MethodOptions.Format(value)); break;
                }
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        string text = Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
        AtomicFile.Write(Sidecar.PathFor(dataPath), tw => tw.Write(text));
    }
}

/// <summary>What <c>verify train</c> reports.</summary>
public sealed record TrainSummary(TrainRun Run, GeneratorExperimentResult Result, string Out)
{
    public string ToJson()
    {
        var r = Run.Request;
        using var j = new JsonOut();
        j.Begin().String("family", Run.Entry.Name).String("method", r.Options.Method).Number("iterations", r.Iterations)
            .Number("iterations_done", Result.Records.Count).Bool("interrupted", Result.Interrupted).Number("seconds", Result.Seconds)
            .Number("seed", r.Seed).Number("hidden", r.Hidden).Number("layers", r.Layers).String("precision", PrecisionNames.NameOf(r.Precision))
            .String("out", Out).String("log", Path.Combine(Out, TrainOutputs.LogFile)).String("samples", Path.Combine(Out, TrainOutputs.SamplesFile))
            .String("checkpoint", Path.Combine(Out, TrainOutputs.CheckpointFile));
        if (Result.Records.Count > 0)
            j.Number("final_critic_estimate", Result.Records[^1].Estimate).Number("final_generator_loss", Result.Records[^1].GeneratorLoss);
        if (Result.Records.LastOrDefault(x => x.ExactW1 is not null)?.ExactW1 is { } w) j.Number("final_exact_w1_batch", w);
        j.Begin("options");
        foreach (var (key, value) in r.Options.Settings()) CriticTrainShared.Put(j, key, value);
        j.End().End();
        return j + Environment.NewLine;
    }

    public string ToText()
    {
        var r = Run.Request;
        string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.AppendLine($"trained {r.Options.Method} on {Run.Entry.Name}: {Result.Records.Count}" + (Result.Interrupted ? $" of {r.Iterations}" : "") +
                      $" iterations in {Result.Seconds:F1} s (seed {r.Seed}){(Result.Interrupted ? ", interrupted" : "")}");
        if (Result.Records.Count > 0)
            sb.AppendLine($"  final critic estimate {F(Result.Records[^1].Estimate)}, generator loss {F(Result.Records[^1].GeneratorLoss)}");
        if (Result.Records.LastOrDefault(x => x.ExactW1 is not null)?.ExactW1 is { } w) sb.AppendLine($"  last exact W1 (generated vs real batch) {F(w)}");
        sb.AppendLine($"  wrote {Path.Combine(Out, TrainOutputs.LogFile)}, {TrainOutputs.SamplesFile}, {TrainOutputs.CheckpointFile} (and .json sidecars)");
        return sb.ToString();
    }
}
