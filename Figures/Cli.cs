using System.CommandLine;

namespace Verify.Figures;

/// <summary>
/// Builds the command tree and applies the CLI contract (shared/design/cli.md): exit 0 on success,
/// 1 when a check ran and failed, 2 on bad input with one line <c>verify: error: …</c> on stderr, never a stack trace.
/// </summary>
public static class Cli
{
    public const int Ok = 0;
    public const int CheckFailed = 1;
    public const int BadInput = 2;

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
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, returning the process exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var root = Build(stdout, stderr);
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                stderr.WriteLine($"verify: error: {parsed.Errors[0].Message}");
                return BadInput;
            }
            var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
            return parsed.Invoke(config);
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
    }

    /// <summary>
    /// An exception's message as one line for stderr: the first line only, without the " (Parameter 'x')" that
    /// ArgumentException appends (the message itself names what is wrong).
    /// </summary>
    public static string Describe(Exception e)
    {
        string message = e.Message;
        if (e is ArgumentException { ParamName: { } name }) message = message.Replace($" (Parameter '{name}')", "");
        int nl = message.IndexOfAny(['\r', '\n']);
        return nl < 0 ? message : message[..nl];
    }
}

/// <summary>Bad input or usage detected by a command: reported as one line with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
