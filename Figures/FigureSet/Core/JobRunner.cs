using System.Collections.Concurrent;

namespace Verify.Figures.FigureSet.Core;

/// <summary>
/// Runs independent jobs on a fixed number of workers, longest first (by <see cref="Job.Cost"/>), each job once even if
/// several figures list it (same <see cref="Job.Name"/>). Jobs seed their own random streams, so results do not depend on
/// the order or the number of workers. A job's exception is kept and reported per job; the others still run.
/// With two or more workers the matrix products run on their calling thread (Gemm.Threads = 1 while the jobs run): the
/// cores are already busy with one job each, and splitting every product over them as well only adds contention
/// (the products are bit-identical for any thread count, so the numbers do not change).
/// </summary>
public static class JobRunner
{
    private static readonly Lock GemmGate = new();
    private static int _pools, _savedGemmThreads;

    // Pools may overlap (a test run, two commands in one process): the first to start saves the thread count, the last to
    // finish restores it.
    private static void EnterSingleThreadedGemm()
    {
        lock (GemmGate)
        {
            if (_pools++ == 0)
            {
                _savedGemmThreads = Networks.Native.Gemm.Threads;
                Networks.Native.Gemm.Threads = 1;
            }
        }
    }

    private static void LeaveSingleThreadedGemm()
    {
        lock (GemmGate)
        {
            if (--_pools == 0) Networks.Native.Gemm.Threads = _savedGemmThreads;
        }
    }

    /// <summary>The default number of workers: one per core.</summary>
    public static int DefaultWorkers => Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// Runs the jobs; <paramref name="finished"/> is called (from worker threads) after each one with its wall time, and
    /// <paramref name="advanced"/> with each increment of work done in cost units (from a job's <see cref="JobProgress"/>
    /// reports, and the rest of its cost when it ends). Returns the failures by job name.
    /// </summary>
    public static IReadOnlyDictionary<string, Exception> Run(IEnumerable<Job> jobs, int workers, Action<Job, double>? finished = null,
        Action<double>? advanced = null)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        if (workers < 1) throw new ArgumentException($"workers must be at least 1, got {workers}", nameof(workers));
        Job[] unique = jobs.GroupBy(j => j.Name, StringComparer.Ordinal).Select(g => g.First()).OrderByDescending(j => j.Cost).ToArray();
        var failures = new ConcurrentDictionary<string, Exception>(StringComparer.Ordinal);
        var queue = new ConcurrentQueue<Job>(unique);
        var threads = Enumerable.Range(0, Math.Min(workers, Math.Max(1, unique.Length))).Select(_ => new Thread(() =>
        {
            // After SIGINT/SIGTERM (Io.Interruption) no new job starts; running ones stop at their next progress report.
            while (!Io.Interruption.IsRequested && queue.TryDequeue(out Job? job))
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                double reported = 0;
                try
                {
                    JobProgress.Run(job.Run, fraction =>
                    {
                        if (fraction <= reported) return;
                        advanced?.Invoke((fraction - reported) * job.Cost);
                        reported = fraction;
                    });
                }
                catch (Exception e)
                {
                    failures[job.Name] = e;
                }
                advanced?.Invoke((1 - reported) * job.Cost);
                finished?.Invoke(job, clock.Elapsed.TotalSeconds);
            }
        }, 16 * 1024 * 1024) { IsBackground = true }).ToArray();
        bool single = threads.Length > 1;
        if (single) EnterSingleThreadedGemm();
        try
        {
            foreach (var t in threads) t.Start();
            foreach (var t in threads) t.Join();
        }
        finally
        {
            if (single) LeaveSingleThreadedGemm();
        }
        return failures;
    }
}
