namespace Req2Nix.PyPI.Metadata;

/// <summary>Core metadata (METADATA, PKG-INFO) that cannot be used, with the line and column of the problem.</summary>
public sealed class CoreMetadataException : FormatException
{
    public CoreMetadataException(string reason, int line, int column)
        : base($"{line}:{column}: {reason}")
    {
        Reason = reason;
        Line = line;
        Column = column;
    }

    public string Reason { get; }

    public int Line { get; }

    public int Column { get; }
}
