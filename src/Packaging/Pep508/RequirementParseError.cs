namespace Req2Nix.Packaging.Pep508;

/// <summary>Why a requirement did not parse: <paramref name="Column"/> is the 0-based offset of the offending character.</summary>
public readonly record struct RequirementParseError(int Column, string Message)
{
    internal RequirementParseException ToException() => new(Message, Column);
}
