namespace Req2Nix.Packaging.Pep508;

/// <summary>Why a marker did not parse: <paramref name="Column"/> is the 0-based offset of the offending character.</summary>
public readonly record struct MarkerParseError(int Column, string Message)
{
    internal MarkerParseException ToException() => new(Message, Column);
}
