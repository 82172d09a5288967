namespace Req2Nix.Inputs.Archives;

/// <summary>A distribution file that cannot be inspected: not an archive, corrupt, or over an <see cref="ArchiveLimits"/> cap.</summary>
public sealed class ArchiveException : Exception
{
    public ArchiveException(string filename, string reason, Exception? inner = null)
        : base($"{filename}: {reason}", inner)
    {
        Filename = filename;
        Reason = reason;
    }

    public string Filename { get; }

    /// <summary>What is wrong, without the file name.</summary>
    public string Reason { get; }
}
