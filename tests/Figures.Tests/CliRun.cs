namespace Verify.Figures.Tests;

/// <summary>Runs the <c>verify</c> command line in-process and captures its exit code, stdout and stderr.</summary>
internal static class CliRun
{
    public static (int Code, string Out, string Err) Invoke(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Cli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
