namespace Req2Nix.Inputs.Archives;

/// <summary>
/// What an archive may cost to inspect. Distribution files are hostile input: a small file can
/// unpack to gigabytes (a bomb) or list millions of entries, so every read is capped.
/// </summary>
public sealed record ArchiveLimits
{
    /// <summary>The defaults: far above any real distribution (PyPI's own upload limit is 100 MB by default).</summary>
    public static ArchiveLimits Default { get; } = new();

    /// <summary>The largest file accepted at all.</summary>
    public long MaxCompressedBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>The most bytes decompressed in all (for a tar, everything up to the end; for a zip, the entries read).</summary>
    public long MaxUncompressedBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The most entries an archive may list.</summary>
    public int MaxEntries { get; init; } = 200_000;

    /// <summary>The largest metadata file read (pyproject.toml, top_level.txt, RECORD); a larger one is skipped with a warning.</summary>
    public int MaxMetadataFileBytes { get; init; } = 8 * 1024 * 1024;
}
