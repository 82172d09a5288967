namespace Req2Nix.Packaging.Names;

/// <summary>A project or extra name that breaks PEP 508's name rule.</summary>
public sealed class InvalidNameException : FormatException
{
    public InvalidNameException(string reason, int column)
        : base($"column {column}: {reason}")
    {
        Reason = reason;
        Column = column;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>The one-based column of the offending character in the name.</summary>
    public int Column { get; }
}
