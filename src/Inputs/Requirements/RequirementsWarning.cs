using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Requirements;

/// <summary>Something pip accepts but ignores or doubts, at the place it was written; credentials are masked.</summary>
public sealed record RequirementsWarning
{
    public RequirementsWarning(SourceLocation location, string message)
    {
        Location = location;
        Message = UrlCredentials.Redact(message);
    }

    public SourceLocation Location { get; }

    public string Message { get; }

    public override string ToString() => $"{Location}: warning: {Message}";
}
