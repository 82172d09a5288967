namespace Req2Nix.PyPI.Credentials;

/// <summary>A .netrc text that cannot be read; the message gives the line and column, never a token's value.</summary>
public sealed class NetrcFormatException : FormatException
{
    public NetrcFormatException(string reason, int line, int column)
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
