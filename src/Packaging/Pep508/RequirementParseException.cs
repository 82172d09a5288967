namespace Req2Nix.Packaging.Pep508;

/// <summary>
/// A requirement that is not valid PEP 508. <see cref="Column"/> is the 0-based offset of the
/// offending character; the message shows it 1-based, as editors count.
/// </summary>
public sealed class RequirementParseException : FormatException
{
    public RequirementParseException(string reason, int column)
        : base($"column {column + 1}: {reason}")
    {
        Reason = reason;
        Column = column;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>The 0-based offset of the offending character in the requirement text.</summary>
    public int Column { get; }
}
