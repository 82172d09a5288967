namespace Req2Nix.Cli;

/// <summary>
/// What reading one distribution file for its build facts came to, not yet reported: the facts
/// when they could be read, the warnings to show should the file be used, and whether it was
/// missing from the cache while offline (reported once for all files).
/// </summary>
internal sealed record FileFacts(BuildFacts? Facts, IReadOnlyList<string> Warnings, bool NotInCache)
{
    public static FileFacts Unknown { get; } = new(null, [], NotInCache: false);

    public static FileFacts Missing { get; } = new(null, [], NotInCache: true);

    public static FileFacts Warning(string warning) => new(null, [warning], NotInCache: false);
}
