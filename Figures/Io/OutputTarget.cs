namespace Verify.Figures.Io;

/// <summary>How a command writes to an <c>--out</c> path.</summary>
public enum OutputMode
{
    /// <summary>Standard output: <c>-</c>, and the process's own standard output named as a file (<c>/dev/stdout</c>, <c>/dev/fd/1</c>, <c>/proc/self/fd/1</c>).</summary>
    StandardOutput,

    /// <summary>A regular file (or a new one): written to <c>FILE.tmp-PID</c> beside it and renamed over it when complete.</summary>
    Replace,

    /// <summary>A FIFO, a device, or anything reached through <c>/dev</c> or <c>/proc</c>: opened and written in place, never replaced.</summary>
    WriteThrough,
}

/// <summary>
/// Where the bytes for an <c>--out PATH</c> go (the CLI contract): <c>-</c> is standard output; a regular file, or a path
/// where nothing exists yet, is replaced atomically; a symbolic link is never replaced — its final target receives the
/// data (atomically when that target is a regular file, so the link stays a link); a FIFO or a device is written through;
/// a directory or a socket is refused in one line. <see cref="Path"/> is the file actually replaced or opened.
/// </summary>
public sealed record OutputTarget(string Given, OutputMode Mode, string Path)
{
    /// <summary>True for the modes that leave a file on disk that a sidecar can sit beside.</summary>
    public bool IsFile => Mode == OutputMode.Replace;

    /// <summary>Classifies <paramref name="path"/>; a <see cref="UsageException"/> names a target that cannot be written.</summary>
    public static OutputTarget Resolve(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException("--out: the file name is empty");
        if (path == "-" || IsOwnStandardOutput(path)) return new OutputTarget(path, OutputMode.StandardOutput, "-");
        string full = System.IO.Path.GetFullPath(path);
        if (InSpecialTree(full)) return Through(path, full);
        switch (PathKinds.Of(full, followLinks: false))
        {
            case PathKind.Missing:
            case PathKind.Regular:
                return new OutputTarget(path, OutputMode.Replace, full);
            case PathKind.Symlink:
                return FromLink(path, full);
            default:
                return Through(path, full);
        }
    }

    // A FIFO or a device is written in place; a directory or a socket cannot take the data.
    private static OutputTarget Through(string given, string full) => PathKinds.Of(full, followLinks: true) switch
    {
        PathKind.Directory => throw new UsageException($"--out {given}: is a directory; give a file name"),
        PathKind.Socket => throw new UsageException($"--out {given}: is a socket; give a file, a FIFO, a device or '-'"),
        _ => new OutputTarget(given, OutputMode.WriteThrough, full),
    };

    // Follows the link hop by hop: a regular (or not yet existing) final target is replaced atomically in its own
    // folder; a hop into /dev or /proc (e.g. /dev/stderr → /proc/self/fd/2) or a non-regular target is written through.
    private static OutputTarget FromLink(string given, string full)
    {
        string current = full;
        for (int hop = 0; hop < 40; hop++)
        {
            string? target = new FileInfo(current).LinkTarget;
            if (target is null) break;
            current = System.IO.Path.GetFullPath(target, System.IO.Path.GetDirectoryName(current)!);
            if (InSpecialTree(current)) return Through(given, full);
        }
        return PathKinds.Of(current, followLinks: false) switch
        {
            PathKind.Regular or PathKind.Missing => new OutputTarget(given, OutputMode.Replace, current),
            PathKind.Symlink => throw new UsageException($"--out {given}: too many levels of symbolic links"),
            _ => Through(given, full),
        };
    }

    private static bool InSpecialTree(string full) =>
        OperatingSystem.IsLinux() && (full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal));

    private static bool IsOwnStandardOutput(string path) =>
        path is "/dev/stdout" or "/dev/fd/1" or "/proc/self/fd/1" || path == $"/proc/{Environment.ProcessId}/fd/1";

    /// <summary>
    /// Opens the target for writing, for a write-through target: the existing FIFO or device (or, reached through /dev
    /// or /proc, a regular file, truncated as a shell's <c>&gt;</c> would).
    /// </summary>
    internal FileStream OpenThrough()
    {
        bool regular = PathKinds.Of(Path, followLinks: true) == PathKind.Regular;
        return new FileStream(Path, regular ? FileMode.Truncate : FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16);
    }
}
