namespace Req2Nix.PyPI.Archives;

/// <summary>A distribution archive that cannot be read, or lacks the member that was asked for.</summary>
public sealed class DistributionArchiveException : Exception
{
    public DistributionArchiveException(string filename, string reason, Exception? inner = null)
        : base($"{filename}: {reason}", inner)
    {
        Filename = filename;
        Reason = reason;
    }

    public string Filename { get; }

    public string Reason { get; }
}
