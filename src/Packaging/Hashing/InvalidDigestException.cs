namespace Req2Nix.Packaging.Hashing;

/// <summary>Text that does not hold a sha256 digest in any form <see cref="Sha256Digest"/> reads.</summary>
public sealed class InvalidDigestException : FormatException
{
    public InvalidDigestException(string reason, int column)
        : base($"column {column}: {reason}")
    {
        Reason = reason;
        Column = column;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>The one-based column of the offending character (one past the end for a short input).</summary>
    public int Column { get; }
}
