using System.Collections.Concurrent;

namespace Verify.Figures.FigureSet.Core;

/// <summary>Where a long run reports: the work done so far (in <see cref="Job.Cost"/> units) and finished pieces.</summary>
public interface IRunProgress
{
    /// <summary>A job finished; <paramref name="cost"/> of the total is done.</summary>
    void Advance(double cost);

    /// <summary>A piece of the run finished (a figure, the claims), for the plain-line log.</summary>
    void Finished(string what);
}

/// <summary>A progress sink that records nothing.</summary>
public sealed class NoProgress : IRunProgress
{
    public static readonly NoProgress Instance = new();
    public void Advance(double cost) { }
    public void Finished(string what) { }
}

/// <summary>
/// Generates figures: puts the jobs of every figure (and any extra jobs, e.g. the claims) into one pool, runs them in
/// parallel, then assembles, renders and checks each figure into OUT/ID. A figure whose experiments fail is reported as
/// failed with the first error; the others are still made.
/// </summary>
public static class FigureGenerator
{
    /// <summary>The total cost of the jobs of a set of figures, for a progress bar.</summary>
    public static (IReadOnlyList<FigurePlan> Plans, double Cost) Plan(IReadOnlyList<Figure> figures, FigureRun run)
    {
        var plans = figures.Select(f => f.Plan(run)).ToArray();
        double cost = plans.SelectMany(p => p.Jobs).GroupBy(j => j.Name).Sum(g => g.First().Cost);
        return (plans, cost);
    }

    public static IReadOnlyList<FigureResult> Generate(IReadOnlyList<Figure> figures, IReadOnlyList<FigurePlan> plans, FigureRun run, string outDir,
        IRunProgress progress, int workers, IEnumerable<Job>? extraJobs = null)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(progress);
        var jobSeconds = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        var jobs = plans.SelectMany(p => p.Jobs).Concat(extraJobs ?? []).ToArray();
        var results = new FigureResult?[figures.Count];
        var gate = new Lock();
        var failures = JobRunner.Run(jobs, workers, (job, seconds) => jobSeconds[job.Name] = seconds, progress.Advance);
        // Interrupted: abandon the run (the CLI reports it and exits 130/143); figures already written stay as they are.
        Io.Interruption.ThrowIfRequested();
        for (int i = 0; i < figures.Count; i++)
        {
            Figure f = figures[i];
            string dir = Path.Combine(outDir, f.Id);
            double seconds = plans[i].Jobs.Select(j => j.Name).Distinct().Sum(n => jobSeconds.GetValueOrDefault(n));
            string? error = plans[i].Jobs.Select(j => failures.GetValueOrDefault(j.Name)).FirstOrDefault(e => e is not null) is { } e0
                ? Cli.Describe(e0) : null;
            if (error is null)
            {
                try
                {
                    TableSet tables = plans[i].Assemble();
                    results[i] = FigureFolder.Write(f, dir, tables, FigureJson.Header(f, run), seconds);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    error = Cli.Describe(e);
                }
            }
            results[i] ??= FigureResult.Failed(f, dir, run, error!, seconds);
            lock (gate) progress.Finished($"{f.Id}: {Describe(results[i]!)}");
        }
        return results!;
    }

    /// <summary>"7/7 facts hold" or the error, for logs.</summary>
    public static string Describe(FigureResult r) =>
        r.Error is not null ? "error: " + r.Error
        : $"{r.FactsPassed}/{r.FactsAsserted} facts hold{(r.Facts.Count > r.FactsAsserted ? $", {r.Facts.Count - r.FactsAsserted} observed" : "")}{(r.Passed ? "" : " — FAILED")}";
}
