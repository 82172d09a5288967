namespace Req2Nix.Packaging.Pep440;

internal enum VersionErrorKind : byte
{
    None,
    Empty,
    ExpectedRelease,
    ExpectedReleaseAfterEpoch,
    NumberTooLarge,
    ExpectedLocalLabel,
    UnexpectedCharacter,
}

/// <summary>Why and where a version did not parse; the message is built only when asked for.</summary>
internal readonly record struct VersionSyntaxError(VersionErrorKind Kind, int Offset)
{
    public string Describe(ReadOnlySpan<char> text) => Kind switch
    {
        VersionErrorKind.Empty => "the version is empty",
        VersionErrorKind.ExpectedRelease => Offset < text.Length
            ? $"expected a release number such as 1.0, found {CharacterText.Describe(text, Offset)}"
            : "expected a release number such as 1.0",
        VersionErrorKind.ExpectedReleaseAfterEpoch => "expected a release number after the epoch '!'",
        VersionErrorKind.NumberTooLarge => $"number too large (the limit is {ulong.MaxValue})",
        VersionErrorKind.ExpectedLocalLabel => "expected a local version label (ASCII letters and digits) after '+'",
        VersionErrorKind.UnexpectedCharacter => $"unexpected {CharacterText.Describe(text, Offset)}",
        _ => "invalid version",
    };
}
