using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Locks;

/// <summary>
/// A lock file (poetry.lock, uv.lock, pylock.toml) that cannot be read or converted: bad TOML, a
/// shape the format does not allow, an unsupported lock version, or a value that does not parse.
/// The message reads <c>file:line:column: reason</c>.
/// </summary>
public sealed class LockFileException : Exception
{
    public LockFileException(string reason, TomlPosition position, Exception? innerException = null)
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

    internal static LockFileException From(TomlException error) => new(error.Reason, error.Position, error);
}
