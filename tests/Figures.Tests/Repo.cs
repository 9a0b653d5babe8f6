using System.Diagnostics;

namespace Verify.Figures.Tests;

/// <summary>The repository (found by walking up from the test binaries to Verify.sln) and the processes tests start.</summary>
internal static class Repo
{
    /// <summary>The folder holding Verify.sln.</summary>
    public static string Root => Verify.TestSupport.RepositoryRoot.Path;

    private static readonly Lazy<(string? Python, string Reason)> s_numpy = new(() =>
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python)) return (null, $"{python} is absent");
        var (code, _, err) = Exec(python, ["-c", "import numpy"]);
        return code == 0 ? (python, "") : (null, $"{python} cannot import numpy ({err.Trim()})");
    });

    /// <summary>/usr/bin/python3 when it is present and imports NumPy; null (with the reason) otherwise.</summary>
    public static string? NumPyPython(out string reason)
    {
        (string? python, reason) = s_numpy.Value;
        return python;
    }

    /// <summary>Runs a Python script with NumPy's Python (the caller is a <see cref="NumPyFactAttribute"/> test); fails on a non-zero exit.</summary>
    public static string Python(string script, params string[] args)
    {
        string python = NumPyPython(out string reason) ?? throw new InvalidOperationException(reason);
        var (code, output, err) = Exec(python, ["-c", script, .. args]);
        if (code != 0) throw new InvalidOperationException($"python exited with {code}: {err}");
        return output;
    }

    /// <summary>Runs a program to its end and returns its exit code, stdout and stderr.</summary>
    public static (int Code, string Out, string Err) Exec(string program, IEnumerable<string> args, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Root,
        };
        foreach (string a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        Task<string> err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.Result);
    }
}

/// <summary>A fact that needs /usr/bin/python3 with NumPy (scripts/setup installs python3-numpy); skipped, with the reason, when absent.</summary>
public sealed class NumPyFactAttribute : Xunit.FactAttribute
{
    public NumPyFactAttribute()
    {
        if (Repo.NumPyPython(out string reason) is null) Skip = reason;
    }
}
