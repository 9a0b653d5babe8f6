namespace Verify.Figures;

/// <summary>Entry point of the <c>verify</c> executable.</summary>
public static class Program
{
    public static int Main(string[] args) => Cli.Run(args, Console.Out, Console.Error);
}
