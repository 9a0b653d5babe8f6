using System.Runtime.InteropServices;

namespace Verify.Figures.Io;

/// <summary>
/// SIGINT/SIGTERM for one run of <c>verify</c>: the first signal does not kill the process; it cancels
/// <see cref="Token"/>, so the command stops at its next check, finishes cleanly (a training run writes its final
/// checkpoint and closes its log; a file being written is abandoned and its temporary file deleted) and exits with
/// <see cref="ExitCode"/>: 130 after SIGINT, 143 after SIGTERM (128 + the signal number, the shells' convention).
/// A second signal, or a command that has not stopped within <see cref="Grace"/>, stops the process at once: the
/// temporary files are deleted (<see cref="TempFiles"/>) and the process exits with the same code.
/// <para>
/// Use in a command: call <see cref="ThrowIfRequested"/> (or test <see cref="IsRequested"/>) between steps. Throwing
/// <see cref="OperationCanceledException"/> abandons the run: <see cref="Cli.Run(string[], TextWriter, TextWriter, Interruption?)"/>
/// prints <c>verify: interrupted by SIGINT</c> and returns the code. A command that saves its state first (train) tests
/// <see cref="IsRequested"/>, writes, and returns normally; Cli.Run then still exits with the interruption's code.
/// </para>
/// <para>
/// <see cref="Current"/> is the interruption of the running invocation (an <see cref="AsyncLocal{T}"/>, so it flows into
/// tasks and parallel loops); <see cref="ForProcess"/> installs the signal handlers (Program.Main), <see cref="Manual"/>
/// makes one without handlers that a test triggers with <see cref="Request"/>.
/// </para>
/// </summary>
public sealed class Interruption : IDisposable
{
    /// <summary>Exit code after SIGINT (Ctrl-C): 128 + 2.</summary>
    public const int SigIntExitCode = 130;

    /// <summary>Exit code after SIGTERM: 128 + 15.</summary>
    public const int SigTermExitCode = 143;

    private static readonly AsyncLocal<Interruption?> s_current = new();
    private readonly CancellationTokenSource _cts = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly TextWriter? _stderr;
    private Timer? _graceTimer;
    private int _signals;

    private Interruption(TextWriter? stderr) => _stderr = stderr;

    /// <summary>The interruption of the invocation running on this flow, or null outside <see cref="Cli.Run(string[], TextWriter, TextWriter, Interruption?)"/>.</summary>
    public static Interruption? Current => s_current.Value;

    /// <summary>True once the current invocation has been asked to stop.</summary>
    public static bool IsRequested => Current?.Requested ?? false;

    /// <summary>
    /// Throws <see cref="OperationCanceledException"/> when the current invocation has been asked to stop and has not
    /// <see cref="Acknowledge"/>d it.
    /// </summary>
    public static void ThrowIfRequested()
    {
        if (Current is { Requested: true, Acknowledged: false } i) throw new OperationCanceledException($"interrupted by {i.SignalName}", i.Token);
    }

    /// <summary>
    /// True once the command has stopped on its own after the request and is saving its state (<see cref="Acknowledge"/>).
    /// </summary>
    public bool Acknowledged { get; private set; }

    /// <summary>
    /// Called by a command that has stopped at the request and now writes its final state (train's samples and
    /// checkpoint): from then on <see cref="ThrowIfRequested"/> no longer abandons its writes. <see cref="Grace"/> still
    /// bounds how long it may take, and a second signal still stops the process at once.
    /// </summary>
    public void Acknowledge() => Acknowledged = true;

    /// <summary>
    /// How long a command may take to stop after the first signal before the process is stopped outright (default 10 s;
    /// a command that needs longer to save its state sets it before it starts, e.g. <c>Interruption.Current!.Grace = …</c>).
    /// </summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The signal received first, or null.</summary>
    public PosixSignal? Signal { get; private set; }

    /// <summary>True once a signal (or <see cref="Request"/>) asked the run to stop.</summary>
    public bool Requested => Signal is not null;

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cts.Token;

    /// <summary>130 after SIGINT, 143 after SIGTERM; 0 while not requested.</summary>
    public int ExitCode => Signal switch
    {
        null => 0,
        PosixSignal.SIGTERM => SigTermExitCode,
        _ => SigIntExitCode,
    };

    /// <summary>"SIGINT" or "SIGTERM".</summary>
    public string SignalName => Signal == PosixSignal.SIGTERM ? "SIGTERM" : "SIGINT";

    /// <summary>Installs SIGINT and SIGTERM handlers for this process; a hard stop reports on <paramref name="stderr"/>.</summary>
    public static Interruption ForProcess(TextWriter stderr)
    {
        var i = new Interruption(stderr);
        foreach (PosixSignal s in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
            i._registrations.Add(PosixSignalRegistration.Create(s, ctx =>
            {
                ctx.Cancel = true; // never the runtime's default (immediate termination): Request decides
                i.Request(ctx.Signal);
            }));
        return i;
    }

    /// <summary>An interruption with no signal handlers: in-process runs and tests, which call <see cref="Request"/>.</summary>
    public static Interruption Manual() => new(null);

    /// <summary>
    /// What a signal does. The first cancels <see cref="Token"/> (and, for a process-level interruption, starts the
    /// grace period); a second one stops the process now.
    /// </summary>
    public void Request(PosixSignal signal)
    {
        int count = Interlocked.Increment(ref _signals);
        if (count == 1)
        {
            Signal = signal;
            _cts.Cancel();
            if (_stderr is not null && Grace != Timeout.InfiniteTimeSpan)
                _graceTimer = new Timer(_ => StopNow($"did not stop within {Grace.TotalSeconds:0.#} s"), null, Grace, Timeout.InfiniteTimeSpan);
        }
        else if (_stderr is not null) StopNow("second signal");
    }

    // Deletes the temporary files and exits with the interruption's code, whatever the command is doing.
    private void StopNow(string why)
    {
        TempFiles.DeleteAll();
        try { _stderr?.WriteLine($"verify: interrupted by {SignalName} ({why}); stopped"); _stderr?.Flush(); }
        catch (IOException) { }
        Environment.Exit(ExitCode);
    }

    /// <summary>Makes this the <see cref="Current"/> interruption until the returned scope is disposed.</summary>
    public IDisposable Enter()
    {
        Interruption? previous = s_current.Value;
        s_current.Value = this;
        return new Scope(() => s_current.Value = previous);
    }

    public void Dispose()
    {
        foreach (PosixSignalRegistration r in _registrations) r.Dispose();
        _registrations.Clear();
        _graceTimer?.Dispose();
        _cts.Dispose();
    }

    private sealed class Scope(Action exit) : IDisposable
    {
        public void Dispose() => exit();
    }
}
