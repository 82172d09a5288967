namespace Req2Nix.Packaging.Pep508;

/// <summary>
/// Text that is not valid PEP 508: a <see cref="RequirementParseException"/> or a
/// <see cref="MarkerParseException"/>. <see cref="Column"/> is the 0-based offset of the offending
/// character; the message shows it 1-based, as editors count.
/// </summary>
public abstract class Pep508ParseException : FormatException
{
    private protected Pep508ParseException(string reason, int column)
        : base($"column {column + 1}: {reason}")
    {
        Reason = reason;
        Column = column;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>The 0-based offset of the offending character in the text.</summary>
    public int Column { get; }
}
