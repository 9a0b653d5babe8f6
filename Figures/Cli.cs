using System.CommandLine;
using System.CommandLine.Parsing;
using Verify.Figures.Io;

namespace Verify.Figures;

/// <summary>
/// Builds the command tree and applies the CLI contract (shared/design/cli.md): exit 0 on success,
/// 1 when a check ran and failed, 2 on bad input with one line <c>verify: error: …</c> on stderr, never a stack trace,
/// 130/143 when SIGINT/SIGTERM stopped the run (<see cref="Interruption"/>).
/// <para>
/// Rules applied here to every command: a typed option's bad value names the option and the expected kind
/// (<c>--n: '1.5' is not an integer</c>), never a .NET type; a mistyped command or option gets "did you mean …?";
/// names (families, metrics, methods, activations…) are matched without regard to case (<see cref="Choice"/>,
/// <see cref="MatchName"/>); every command's <c>--seed</c> defaults to <see cref="DefaultSeed"/> (<see cref="SeedOption"/>).
/// </para>
/// </summary>
public static class Cli
{
    public const int Ok = 0;
    public const int CheckFailed = 1;
    public const int BadInput = 2;

    /// <summary>The seed every command uses when <c>--seed</c> is not given.</summary>
    public const long DefaultSeed = 0;

    private static readonly AsyncLocal<string?> s_commandLine = new();

    /// <summary>The running invocation as a shell would show it (<c>verify sample … --out x.csv</c>), for provenance.</summary>
    public static string CommandLine => s_commandLine.Value ?? "verify";

    /// <summary>The root command with every subcommand, registered explicitly.</summary>
    public static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("verify: check the theory of GANs and Wasserstein GANs numerically.");
        // commands are added here as they land
        root.Subcommands.Add(Commands.ReportCommand.Create(stdout, stderr));
        root.Subcommands.Add(Commands.FiguresCommand.Create(stdout, stderr));
        root.Subcommands.Add(Commands.DistanceCommand.Create(stdout, stderr));
        root.Subcommands.Add(Commands.SampleCommand.Create(stdout, stderr));
        root.Subcommands.Add(Commands.CriticCommand.Create(stdout, stderr));
        root.Subcommands.Add(Commands.TrainCommand.Create(stdout, stderr));
        root.Subcommands.Add(Commands.ClaimsCommand.Create(stdout, stderr));
        root.Subcommands.Add(Commands.RegressCommand.Create(stdout, stderr));
        CliValues.AttachParsers(root);
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>, returning the process exit code. <paramref name="interruption"/> is the
    /// run's SIGINT/SIGTERM state (Program.Main passes <see cref="Interruption.ForProcess"/>; null: one without handlers).
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Interruption? interruption = null)
    {
        Interruption own = interruption ?? Interruption.Manual();
        using IDisposable scope = own.Enter();
        s_commandLine.Value = ShellQuote(["verify", .. args]);
        try
        {
            var root = Build(stdout, stderr);
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0 || CliValues.MistypedOption(parsed) is not null)
            {
                stderr.WriteLine($"verify: error: {CliValues.DescribeParseError(parsed)}");
                return BadInput;
            }
            var config = new InvocationConfiguration
            {
                Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
            };
            int code = parsed.Invoke(config);
            if (own.Requested && code == Ok)
            {
                stderr.WriteLine($"verify: interrupted by {own.SignalName}");
                return own.ExitCode;
            }
            return code;
        }
        catch (Exception e) when (own.Requested && IsCancellation(e))
        {
            stderr.WriteLine($"verify: interrupted by {own.SignalName}; no file was left half-written");
            return own.ExitCode;
        }
        catch (Exception e) when (e is UsageException or ArgumentException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
        {
            stderr.WriteLine($"verify: error: {Describe(e)}");
            return BadInput;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"verify: internal error: {e.GetType().Name}: {Describe(e)}");
            return CheckFailed;
        }
        finally
        {
            s_commandLine.Value = null;
        }
    }

    private static bool IsCancellation(Exception e) =>
        e is OperationCanceledException || e is AggregateException a && a.Flatten().InnerExceptions.All(x => x is OperationCanceledException);

    /// <summary>
    /// An exception's message as one line for stderr: the first line only, without the " (Parameter 'x')" that
    /// ArgumentException appends (the message itself names what is wrong).
    /// </summary>
    public static string Describe(Exception e)
    {
        if (e is AggregateException a && a.InnerExceptions.Count >= 1) e = a.InnerExceptions[0];
        string message = e.Message;
        if (e is ArgumentException { ParamName: { } name }) message = message.Replace($" (Parameter '{name}')", "");
        int nl = message.IndexOfAny(['\r', '\n']);
        return nl < 0 ? message : message[..nl];
    }

    /// <summary>
    /// <c>--seed S</c>, defaulting to <see cref="DefaultSeed"/> for every command (so one seed means the same thing
    /// everywhere); the value is reported by each command.
    /// </summary>
    public static Option<long> SeedOption(string description = "seed of every random choice (reported)") =>
        new("--seed") { Description = description, HelpName = "S", DefaultValueFactory = _ => DefaultSeed };

    /// <summary>
    /// A string option whose value is one of <paramref name="allowed"/>, matched without regard to case and returned
    /// in its canonical spelling. A wrong value is one line naming the option, a near name ("did you mean …?") and the
    /// allowed values.
    /// </summary>
    public static Option<string> Choice(string name, string description, IReadOnlyList<string> allowed, string? defaultValue = null)
    {
        var o = new Option<string>(name)
        {
            Description = description,
            HelpName = string.Join('|', allowed),
            CustomParser = r =>
            {
                string text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
                if (MatchName(text, allowed) is { } canonical) return canonical;
                r.AddError(NotOneOf(name, text, allowed));
                return null;
            },
        };
        if (defaultValue is not null) o.DefaultValueFactory = _ => defaultValue;
        return o;
    }

    /// <summary>The entry of <paramref name="names"/> equal to <paramref name="text"/> ignoring case, or null.</summary>
    public static string? MatchName(string text, IEnumerable<string> names) =>
        names.FirstOrDefault(n => n.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>"--x: 'v' is not allowed; did you mean 'w'? allowed: a, b, c" (the hint only when a name is near).</summary>
    public static string NotOneOf(string option, string text, IReadOnlyList<string> allowed)
    {
        string hint = CliValues.Nearest(text, allowed) is { } near ? $" did you mean '{near}'?" : "";
        return $"{option}: '{text}' is not allowed;{hint} allowed: {string.Join(", ", allowed)}";
    }

    private static string ShellQuote(IEnumerable<string> words) =>
        string.Join(' ', words.Select(w =>
            w.Length > 0 && w.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c)) ? w : "'" + w.Replace("'", "'\\''") + "'"));
}

/// <summary>Bad input or usage detected by a command: reported as one line with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
