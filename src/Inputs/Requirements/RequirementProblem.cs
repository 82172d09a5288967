using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// Why pip would fail to build a requirement from a line it parsed (pip raises this when it builds
/// the install requirement, after reading the file): the line stays in the file's entries with it.
/// </summary>
public sealed record RequirementProblem
{
    public RequirementProblem(SourceLocation location, string reason)
    {
        Location = location;
        Reason = UrlCredentials.Redact(reason);
    }

    public SourceLocation Location { get; }

    public string Reason { get; }

    public RequirementsFileException ToException() => new(Location, Reason);

    public override string ToString() => $"{Location}: {Reason}";
}
