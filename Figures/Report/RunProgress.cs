using System.Diagnostics;
using Spectre.Console;
using Verify.Figures.FigureSet.Core;

namespace Verify.Figures.Report;

/// <summary>
/// Progress of a long run on stderr (CLI contract): a Spectre.Console bar with the elapsed time and the time left when
/// stderr is a terminal; otherwise plain lines — one per finished figure, and a percentage with the estimated time left
/// at most every ten seconds. Nothing at all when <c>quiet</c> (e.g. <c>--json</c>).
/// </summary>
public static class RunProgress
{
    public static T Run<T>(string label, double totalCost, TextWriter stderr, bool quiet, Func<IRunProgress, T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (quiet) return body(NoProgress.Instance);
        if (Io.Progress.Enabled(stderr, json: false)) return Bar(label, totalCost, body);
        var lines = new PlainLines(label, totalCost, stderr);
        stderr.WriteLine($"{label}: started");
        T result = body(lines);
        stderr.WriteLine($"{label}: done in {Clock(lines.Elapsed)}");
        return result;
    }

    private static T Bar<T>(string label, double totalCost, Func<IRunProgress, T> body)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask(Markup.Escape(label), maxValue: Math.Max(1, totalCost));
                result = body(new SpectreSink(task, label));
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>m:ss.</summary>
    public static string Clock(TimeSpan t) => $"{(int)t.TotalMinutes}:{t.Seconds:00}";

    private sealed class SpectreSink(ProgressTask task, string label) : IRunProgress
    {
        private readonly Lock _gate = new();

        public void Advance(double cost)
        {
            lock (_gate) task.Increment(cost);
        }

        public void Finished(string what)
        {
            lock (_gate) task.Description = Markup.Escape($"{label} · {what}");
        }
    }

    private sealed class PlainLines(string label, double total, TextWriter stderr) : IRunProgress
    {
        private readonly Lock _gate = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private double _done;
        private double _lastPrint;

        public TimeSpan Elapsed => _clock.Elapsed;

        public void Advance(double cost)
        {
            lock (_gate)
            {
                _done += cost;
                double s = _clock.Elapsed.TotalSeconds;
                if (s - _lastPrint < 10 || _done >= total) return;
                _lastPrint = s;
                double fraction = Math.Min(1, _done / Math.Max(1e-9, total));
                var left = TimeSpan.FromSeconds(fraction > 0 ? s * (1 - fraction) / fraction : 0);
                stderr.WriteLine($"{label}: {fraction:P0} after {Clock(_clock.Elapsed)}, about {Clock(left)} left");
            }
        }

        public void Finished(string what)
        {
            lock (_gate) stderr.WriteLine($"{label}: {what}");
        }
    }
}
