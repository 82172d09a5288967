using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Req2Nix.Packaging.Names;

/// <summary>
/// The rules PEP 508 (names), PEP 503 (normalized names) and PEP 685 (extras) share: what a name
/// may contain, and how its spellings collapse to one normalized form.
/// </summary>
internal static class NameSyntax
{
    /// <summary>The separator of PEP 503 normalized names.</summary>
    public const char Separator = '-';

    /// <summary>The separator of the escaped names in wheel and PEP 625 sdist filenames.</summary>
    public const char FilenameSeparator = '_';

    // Names are a few characters long and checked for every file of every listing: plain loops,
    // not SearchValues (see AsciiSet).

    /// <summary>
    /// Checks PEP 508's name rule: ASCII letters and digits, with <c>.</c>, <c>-</c> and <c>_</c>
    /// allowed inside but not at either end. Returns the zero-based index of the first offending
    /// character (0 for an empty name), or -1 when the name is valid.
    /// </summary>
    public static int FindInvalidCharacter(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || IsSeparator(name[0]))
        {
            return 0;
        }
        for (var i = 0; i < name.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(name[i]) && !IsSeparator(name[i]))
            {
                return i;
            }
        }
        return IsSeparator(name[^1]) ? name.Length - 1 : -1;
    }

    /// <summary>Describes the character at <paramref name="index"/> that <see cref="FindInvalidCharacter"/> found.</summary>
    public static string DescribeInvalidCharacter(ReadOnlySpan<char> name, int index, string what)
    {
        if (name.IsEmpty)
        {
            return $"{what} is empty";
        }
        var c = name[index];
        if (IsSeparator(c))
        {
            return index == 0
                ? $"{what} '{name}' starts with '{c}'; it must start with an ASCII letter or digit"
                : $"{what} '{name}' ends with '{c}'; it must end with an ASCII letter or digit";
        }
        return $"{what} '{name}' contains {Quote(c)}; only ASCII letters, digits, '.', '-' and '_' are allowed";
    }

    /// <summary>Validates <paramref name="name"/> and returns its normalized form (PEP 503, <c>-</c>).</summary>
    /// <param name="what">How the error names the input: "project name", "extra name".</param>
    public static string ParseNormalized(ReadOnlySpan<char> name, string what)
    {
        ThrowIfInvalid(name, what);
        return Normalize(name, Separator);
    }

    /// <inheritdoc cref="ParseNormalized(ReadOnlySpan{char}, string)"/>
    public static string ParseNormalized(string name, string what)
    {
        ThrowIfInvalid(name, what);
        return Normalize(name, Separator);
    }

    public static bool TryParseNormalized(ReadOnlySpan<char> name, [NotNullWhen(true)] out string? normalized)
    {
        normalized = FindInvalidCharacter(name) < 0 ? Normalize(name, Separator) : null;
        return normalized is not null;
    }

    public static bool TryParseNormalized(string? name, [NotNullWhen(true)] out string? normalized)
    {
        normalized = name is not null && FindInvalidCharacter(name) < 0 ? Normalize(name, Separator) : null;
        return normalized is not null;
    }

    public static bool IsSeparator(char c) => c is '-' or '_' or '.';

    /// <summary>True when <paramref name="name"/> is already lower-case with single <paramref name="separator"/>s.</summary>
    public static bool IsNormalized(ReadOnlySpan<char> name, char separator)
    {
        var previous = '\0';
        foreach (var c in name)
        {
            if (char.IsAsciiLetterUpper(c) || (IsSeparator(c) && (c != separator || previous == separator)))
            {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /// <summary>
    /// Writes the normalized form of <paramref name="name"/> (ASCII letters lower-cased, each run
    /// of <c>-_.</c> replaced by one <paramref name="separator"/>) to <paramref name="destination"/>,
    /// which must be at least as long as the name, and returns the length written.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> name, Span<char> destination, char separator)
    {
        if (destination.Length < name.Length)
        {
            throw new ArgumentException("the destination is shorter than the name", nameof(destination));
        }
        var written = 0;
        var previousWasSeparator = false;
        foreach (var c in name)
        {
            if (IsSeparator(c))
            {
                if (!previousWasSeparator)
                {
                    destination[written++] = separator;
                }
                previousWasSeparator = true;
            }
            else
            {
                destination[written++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
                previousWasSeparator = false;
            }
        }
        return written;
    }

    /// <summary>The normalized form as a string: the only allocation is the result.</summary>
    public static string Normalize(ReadOnlySpan<char> name, char separator)
    {
        if (IsNormalized(name, separator))
        {
            return name.ToString();
        }
        const int StackLimit = 256;
        char[]? rented = null;
        var buffer = name.Length <= StackLimit
            ? stackalloc char[name.Length]
            : (rented = ArrayPool<char>.Shared.Rent(name.Length));
        var normalized = new string(buffer[..Normalize(name, buffer, separator)]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
        return normalized;
    }

    /// <summary>The normalized form; <paramref name="name"/> itself when it is already normalized.</summary>
    public static string Normalize(string name, char separator) =>
        IsNormalized(name, separator) ? name : Normalize(name.AsSpan(), separator);

    /// <summary>
    /// Compares the normalized form of <paramref name="name"/> with an already normalized
    /// <paramref name="normalized"/> without building the former.
    /// </summary>
    public static bool NormalizesTo(ReadOnlySpan<char> name, ReadOnlySpan<char> normalized, char separator)
    {
        var j = 0;
        var previousWasSeparator = false;
        foreach (var c in name)
        {
            char expected;
            if (IsSeparator(c))
            {
                if (previousWasSeparator)
                {
                    continue;
                }
                previousWasSeparator = true;
                expected = separator;
            }
            else
            {
                previousWasSeparator = false;
                expected = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            }
            if (j == normalized.Length || normalized[j] != expected)
            {
                return false;
            }
            j++;
        }
        return j == normalized.Length;
    }

    private static void ThrowIfInvalid(ReadOnlySpan<char> name, string what)
    {
        var invalidAt = FindInvalidCharacter(name);
        if (invalidAt >= 0)
        {
            throw new InvalidNameException(DescribeInvalidCharacter(name, invalidAt, what), invalidAt + 1);
        }
    }

    private static string Quote(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"'{c}'";
}
