namespace Req2Nix.Packaging.Hashing;

/// <summary>
/// How reading a digest's text went, kept as data so that the <c>TryParse…</c> methods fail
/// without allocating and the throwing ones can still say what and where.
/// </summary>
internal readonly struct DigestReadResult
{
    private readonly Problem _problem;
    private readonly string? _detail;
    private readonly int _index;
    private readonly int _expected;
    private readonly int _found;

    private DigestReadResult(Problem problem, string? detail, int index, int expected = 0, int found = 0)
    {
        _problem = problem;
        _detail = detail;
        _index = index;
        _expected = expected;
        _found = found;
    }

    private enum Problem
    {
        None,
        Length,
        Character,
        Overflow,
        Prefix,
    }

    public static DigestReadResult Success => default;

    public bool Succeeded => _problem == Problem.None;

    /// <summary>The text holds <paramref name="found"/> digits of <paramref name="form"/> where <paramref name="expected"/> belong.</summary>
    public static DigestReadResult WrongLength(string form, int expected, int found) =>
        new(Problem.Length, form, Math.Min(expected, found), expected, found);

    /// <summary>The character at <paramref name="index"/> is no digit of <paramref name="form"/>.</summary>
    public static DigestReadResult BadCharacter(string form, int index) => new(Problem.Character, form, index);

    /// <summary>The digit at <paramref name="index"/> sets bits beyond the digest's 256.</summary>
    public static DigestReadResult Overflow(string form, int index) => new(Problem.Overflow, form, index);

    public static DigestReadResult MissingPrefix(string prefix) => new(Problem.Prefix, prefix, 0);

    /// <summary>The same result for a text that starts <paramref name="offset"/> characters later in a longer one.</summary>
    public DigestReadResult At(int offset) =>
        Succeeded ? this : new(_problem, _detail, _index + offset, _expected, _found);

    /// <summary>Throws <see cref="InvalidDigestException"/> describing the problem in <paramref name="text"/>, if any.</summary>
    public void ThrowIfFailed(ReadOnlySpan<char> text)
    {
        if (Succeeded)
        {
            return;
        }
        var reason = _problem switch
        {
            Problem.Length => $"expected {_expected} {_detail} digits for a sha256 digest, found {_found}",
            Problem.Character => $"{Describe(text[_index])} is not a {_detail} digit",
            Problem.Overflow => $"{Describe(text[_index])} sets bits beyond the 256 of a sha256 digest ({_detail})",
            _ => $"expected '{_detail}' at the start",
        };
        throw new InvalidDigestException(reason, _index + 1);
    }

    private static string Describe(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"'{c}'";
}
