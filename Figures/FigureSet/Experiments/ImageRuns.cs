using System.Collections.Concurrent;
using Verify.Figures.FigureSet.Core;
using Verify.Networks.Experiments;
using Verify.Networks.Init;
using Verify.Networks.Tensors;

namespace Verify.Figures.FigureSet.Experiments;

/// <summary>
/// The MNIST GAN runs and the digit classifier shared by F7, F9 and F10: each is one job, named by its settings, so when
/// several of these figures are generated together (verify images all, verify report) the job runs once and every figure
/// reads its result from here.
/// </summary>
public static class ImageRuns
{
    /// <summary>How much a generation trains: the architecture, generator iterations and evaluation period.</summary>
    public sealed record Budget(string Architecture, int Iterations, int EvalEvery);

    /// <summary>
    /// Quick: the MLP pair for 20 iterations (a few seconds of CPU). Full: the DCGAN pair for 120 iterations, what fits
    /// the 10-minute budget of verify images all at the engine's present conv speed (about 3 s of CPU per WGAN-GP iteration).
    /// </summary>
    /// <remarks>The digit classifier trains with <see cref="DigitClassifier{T}.FitRecipe"/> at both scales.</remarks>
    public static Budget For(FigureRun run) => run.Quick ? new Budget("mlp", 20, 4) : new Budget("dcgan", 120, 6);

    /// <summary>Checkpoints of the sample grids: before training, a quarter, half, and the end.</summary>
    public static int[] GridCheckpoints(FigureRun run)
    {
        int n = For(run).Iterations;
        return [0, n / 4, n / 2, n];
    }

    private static readonly ConcurrentDictionary<string, ImageGanRun.Outcome> Runs = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, DigitClassifier<float>> Classifiers = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, double> Floors = new(StringComparer.Ordinal);

    public static string RunName(FigureRun run, string method)
    {
        Budget b = For(run);
        return $"images {b.Architecture} {method} {b.Iterations} iterations seed {run.Seed}";
    }

    /// <summary>The job that trains <paramref name="method"/> (cost in about milliseconds, measured on this machine).</summary>
    public static Job RunJob(FigureRun run, string method)
    {
        Budget b = For(run);
        string name = RunName(run, method);
        double perIteration = (method == "gan" ? 1 : method == "wgan-clip" ? 3 : 6) * (b.Architecture == "dcgan" ? 500 : 25);
        return new Job(name, b.Iterations * perIteration, () =>
        {
            var progress = JobProgress.Steps(b.Iterations);
            Runs[name] = ImageGanRun.Run(b.Architecture, method, b.Iterations, null, b.EvalEvery, GridCheckpoints(run),
                FigureRun.Derive(run.Seed, $"images/{method}"), row => progress(row.Iteration + 1), Io.Interruption.Current?.Token ?? CancellationToken.None);
        });
    }

    public static ImageGanRun.Outcome Run(FigureRun run, string method) =>
        Runs.TryGetValue(RunName(run, method), out var o) ? o : throw new InvalidOperationException($"the run '{RunName(run, method)}' did not complete");

    public static string FloorName(FigureRun run) => $"images real floor batch 64 seed {run.Seed}";

    public static Job FloorJob(FigureRun run) =>
        new(FloorName(run), 100, () => Floors[FloorName(run)] = ImageGanRun.RealFloor(64, FigureRun.Derive(run.Seed, "images/floor")));

    public static double Floor(FigureRun run) => Floors[FloorName(run)];

    public static string ClassifierName(FigureRun run) => $"images classifier seed {run.Seed}";

    /// <summary>Trains the digit classifier on the 8,000 training digits with its recipe.</summary>
    public static Job ClassifierJob(FigureRun run)
    {
        string name = ClassifierName(run);
        return new Job(name, DigitClassifier<float>.RecipeEpochs * 8000, () =>
        {
            var rng = new Rng(unchecked((ulong)FigureRun.Derive(run.Seed, "images/classifier")));
            var classifier = new DigitClassifier<float>(rng.Split());
            var progress = JobProgress.Steps(DigitClassifier<float>.RecipeSteps(Digits.Train.Count));
            classifier.FitRecipe(Digits.Train.Data, Digits.TrainLabels, rng, progress);
            Classifiers[name] = classifier;
        });
    }

    public static DigitClassifier<float> Classifier(FigureRun run) => Classifiers[ClassifierName(run)];

    /// <summary>Images [n·784] as a tensor.</summary>
    public static Tensor<float> AsTensor(double[] images) => Tensor.FromDouble<float>(images, images.Length / 784, 784);
}
