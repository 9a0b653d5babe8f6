using System.Diagnostics;
using Spectre.Console;

namespace Verify.Figures.Io;

/// <summary>
/// A progress bar on stderr (Spectre.Console) showing the step, the rate and the ETA — drawn only when stderr is a
/// terminal and <c>--json</c> was not given (CLI contract); otherwise the body runs with a reporter that does nothing.
/// </summary>
public static class Progress
{
    /// <summary>True when a bar may be drawn: stderr is the process's console, a terminal, and JSON output is off.</summary>
    public static bool Enabled(TextWriter stderr, bool json) =>
        !json && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>
    /// Runs <paramref name="body"/>, which reports the number of completed steps (out of <paramref name="total"/>)
    /// through the callback it is given; draws a bar when <see cref="Enabled"/>.
    /// </summary>
    public static TResult Run<TResult>(string label, int total, TextWriter stderr, bool json, Func<Action<int>, TResult> body)
    {
        if (!Enabled(stderr, json)) return body(_ => { });
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        TResult result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask(Markup.Escape(label), maxValue: Math.Max(1, total));
                var clock = Stopwatch.StartNew();
                long lastDraw = -1;
                result = body(done =>
                {
                    long ms = clock.ElapsedMilliseconds;
                    if (done < total && ms - lastDraw < 100) return; // redraw at most ten times a second
                    lastDraw = ms;
                    double rate = done / Math.Max(1e-9, clock.Elapsed.TotalSeconds);
                    task.Description = Markup.Escape($"{label} {done}/{total} · {rate:0.#}/s");
                    task.Value = done;
                });
                task.Value = total;
            });
        return result;
    }
}
