namespace Verify.Figures.FigureSet.Core;

/// <summary>
/// Lets a long job report how far it is (a fraction in [0, 1]) to the pool that runs it, so that the progress display
/// moves, and the time left is estimated, before the job ends. A job calls <see cref="Report"/> from the thread the
/// pool runs it on; outside a pool the call does nothing.
/// </summary>
public static class JobProgress
{
    [ThreadStatic] private static Action<double>? _current;

    /// <summary>
    /// The job on this thread is <paramref name="fraction"/> done (values are clamped to [0, 1]; going back is ignored).
    /// This is also where a long job notices SIGINT/SIGTERM: once the run is asked to stop, the call throws
    /// <see cref="OperationCanceledException"/> (Io.Interruption), so a job stops within one of its steps.
    /// </summary>
    public static void Report(double fraction)
    {
        Io.Interruption.ThrowIfRequested();
        _current?.Invoke(Math.Clamp(fraction, 0, 1));
    }

    /// <summary>A reporter of steps done out of <paramref name="total"/>.</summary>
    public static Action<int> Steps(int total) => done => Report(total > 0 ? done / (double)total : 1);

    /// <summary>Runs <paramref name="job"/> with <paramref name="sink"/> receiving its reports on this thread.</summary>
    internal static void Run(Action job, Action<double> sink)
    {
        Action<double>? outer = _current;
        _current = sink;
        try { job(); }
        finally { _current = outer; }
    }
}
