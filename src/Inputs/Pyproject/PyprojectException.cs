using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Pyproject;

/// <summary>
/// A pyproject.toml that cannot be read: bad TOML, a table or value of the wrong shape, or a
/// requirement, marker or constraint that does not parse. The message reads
/// <c>file:line:column: reason</c>.
/// </summary>
public sealed class PyprojectException : Exception
{
    public PyprojectException(string reason, TomlPosition position, Exception? innerException = null)
        : base($"{position}: {reason}", innerException)
    {
        Reason = reason;
        Position = position;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    public TomlPosition Position { get; }

    public string? SourceName => Position.SourceName;

    public int Line => Position.Line;

    public int Column => Position.Column;

    internal static PyprojectException From(TomlException error) => new(error.Reason, error.Position, error);
}
