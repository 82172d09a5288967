namespace Req2Nix.Packaging.Pep440;

/// <summary>
/// A version or version specifier that is not valid PEP 440. <see cref="Column"/> is the 0-based
/// offset of the offending character in the parsed text; the message shows it 1-based, as editors do.
/// </summary>
public sealed class Pep440FormatException : FormatException
{
    public Pep440FormatException()
    {
    }

    public Pep440FormatException(string message)
        : base(message)
    {
        Reason = message;
    }

    public Pep440FormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <param name="what">What was parsed: "version", "version specifier".</param>
    /// <param name="text">The whole input.</param>
    /// <param name="column">0-based offset of the problem in <paramref name="text"/>.</param>
    /// <param name="reason">The problem, e.g. "unexpected character 'x'".</param>
    public Pep440FormatException(string what, string text, int column, string reason)
        : base($"invalid {what} {Quote(text)}: {reason} (column {column + 1})")
    {
        Column = column;
        Reason = reason;
    }

    /// <summary>0-based offset into the parsed text.</summary>
    public int Column { get; }

    /// <summary>The problem without the input and position, e.g. "unexpected character 'x'".</summary>
    public string Reason { get; } = "";

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
