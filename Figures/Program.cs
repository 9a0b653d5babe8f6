using Verify.Figures.Io;

namespace Verify.Figures;

/// <summary>Entry point of the <c>verify</c> executable.</summary>
public static class Program
{
    /// <summary>Runs the command line with SIGINT/SIGTERM handled (<see cref="Interruption"/>): exit 130/143 when stopped.</summary>
    public static int Main(string[] args)
    {
        using var interruption = Interruption.ForProcess(Console.Error);
        return Cli.Run(args, Console.Out, Console.Error, interruption);
    }
}
