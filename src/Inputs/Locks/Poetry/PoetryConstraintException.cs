namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>A version constraint that Poetry's syntax does not allow; <see cref="Column"/> is 1-based within the constraint text.</summary>
public sealed class PoetryConstraintException : FormatException
{
    public PoetryConstraintException(string reason, int column)
        : base($"column {column}: {reason}")
    {
        Reason = reason;
        Column = column;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>The 1-based column of the problem in the constraint text.</summary>
    public int Column { get; }
}
