namespace Req2Nix.PyPI.Archives;

/// <summary>The container format of a distribution file, from its extension.</summary>
internal enum ArchiveKind
{
    Zip,
    Tar,
    GzipTar,
    Unsupported,
}

internal static class ArchiveKinds
{
    public static ArchiveKind Of(string filename)
    {
        if (filename.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) || filename.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return ArchiveKind.Zip;
        }
        if (filename.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || filename.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
        {
            return ArchiveKind.GzipTar;
        }
        return filename.EndsWith(".tar", StringComparison.OrdinalIgnoreCase) ? ArchiveKind.Tar : ArchiveKind.Unsupported;
    }
}
