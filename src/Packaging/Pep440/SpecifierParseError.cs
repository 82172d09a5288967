namespace Req2Nix.Packaging.Pep440;

/// <summary>Why a specifier did not parse. <paramref name="Column"/> is the 0-based offset into the input.</summary>
public readonly record struct SpecifierParseError(int Column, string Message)
{
    internal Pep440FormatException ToException(string text) => new("version specifier", text, Column, Message);
}
