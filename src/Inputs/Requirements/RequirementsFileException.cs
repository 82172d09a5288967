using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// A requirements file that pip would reject, or that req2nix cannot use. The message reads
/// <c>file:line:column: reason</c>; credentials in URLs are masked in it.
/// </summary>
public sealed class RequirementsFileException : Exception
{
    public RequirementsFileException(SourceLocation location, string reason)
        : this(location, reason, null)
    {
    }

    public RequirementsFileException(SourceLocation location, string reason, Exception? innerException)
        : base(Format(location, UrlCredentials.Redact(reason)), innerException)
    {
        Location = location;
        Reason = UrlCredentials.Redact(reason);
    }

    public SourceLocation Location { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    private static string Format(SourceLocation location, string reason) =>
        location.Line > 0 ? $"{location}: {reason}" : $"{location.File}: {reason}";
}
