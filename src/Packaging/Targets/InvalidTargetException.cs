namespace Req2Nix.Packaging.Targets;

/// <summary>Text that names no Nix system, Python version or platform version req2nix knows.</summary>
public sealed class InvalidTargetException : FormatException
{
    public InvalidTargetException(string reason, int column)
        : base($"column {column}: {reason}")
    {
        Reason = reason;
        Column = column;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>The one-based column of the problem.</summary>
    public int Column { get; }
}
