using System.Runtime.InteropServices;

namespace Verify.Figures.Io;

/// <summary>What a path names on disk, as the kernel reports it (the S_IFMT bits of its mode).</summary>
public enum PathKind
{
    /// <summary>Nothing exists at the path.</summary>
    Missing,
    Regular,
    Directory,
    Symlink,
    Fifo,
    CharDevice,
    BlockDevice,
    Socket,
}

/// <summary>
/// The kind of a path: Linux statx(2) (whose struct layout is the same on every architecture), or, where statx is not
/// available, what .NET can tell (missing, directory, symbolic link, otherwise taken as a regular file).
/// </summary>
public static partial class PathKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StxModeOffset = 28; // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, u32 uid, u32 gid, u16 mode
    private static bool s_noStatx;

    /// <summary>The kind of <paramref name="path"/>; with <paramref name="followLinks"/> that of the final target of a symbolic link.</summary>
    public static PathKind Of(string path, bool followLinks)
    {
        if (!s_noStatx && OperatingSystem.IsLinux())
        {
            try
            {
                return OfStatx(path, followLinks);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                s_noStatx = true;
            }
        }
        return OfManaged(path, followLinks);
    }

    private static unsafe PathKind OfStatx(string path, bool followLinks)
    {
        byte* buffer = stackalloc byte[256];
        int rc = Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, buffer);
        if (rc != 0) return PathKind.Missing; // ENOENT, ENOTDIR, EACCES on a parent: nothing usable there
        int mode = *(ushort*)(buffer + StxModeOffset) & 0xF000;
        return mode switch
        {
            0x8000 => PathKind.Regular,
            0x4000 => PathKind.Directory,
            0xA000 => PathKind.Symlink,
            0x1000 => PathKind.Fifo,
            0x2000 => PathKind.CharDevice,
            0x6000 => PathKind.BlockDevice,
            0xC000 => PathKind.Socket,
            _ => PathKind.Regular,
        };
    }

    private static PathKind OfManaged(string path, bool followLinks)
    {
        if (!followLinks && new FileInfo(path).LinkTarget is not null) return PathKind.Symlink;
        if (Directory.Exists(path)) return PathKind.Directory; // these two follow links
        return File.Exists(path) ? PathKind.Regular : PathKind.Missing;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);
}
