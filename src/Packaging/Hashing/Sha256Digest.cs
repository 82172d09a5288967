using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Req2Nix.Packaging.Text;

namespace Req2Nix.Packaging.Hashing;

/// <summary>
/// A sha256 digest: 32 bytes, compared by value, read from and written to the forms the
/// ecosystem uses — lower-case hex (PyPI, pip, poetry.lock), Nix base-32 (<c>nix-hash</c>,
/// older nixpkgs) and SRI (<c>sha256-…</c>, what <c>hash =</c> takes in nixpkgs). Parsing and
/// formatting allocate nothing but the resulting string.
/// </summary>
public readonly struct Sha256Digest : IEquatable<Sha256Digest>
{
    /// <summary>The digest's size in bytes.</summary>
    public const int Length = 32;

    /// <summary>The length of the hex form.</summary>
    public const int HexLength = Length * 2;

    /// <summary>The length of the Nix base-32 form.</summary>
    public const int NixBase32Length = 52;

    /// <summary>The algorithm's name as SRI, pip (<c>--hash=sha256:</c>) and PEP 503 (<c>#sha256=</c>) spell it.</summary>
    public const string AlgorithmName = "sha256";

    private const string SriPrefix = "sha256-";
    private const string AlgorithmPrefix = "sha256:";
    private const string FragmentPrefix = "sha256=";
    private const int Base64Length = 44;
    private const string Hex = "hexadecimal";
    private const string Base32 = "Nix base-32";
    private const string Base64 = "base64";

    private static readonly AsciiSet Base64Digits = new("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

    private readonly DigestBytes _bytes;

    private Sha256Digest(DigestBytes bytes) => _bytes = bytes;

    /// <summary>The digest's bytes (valid while the digest they were read from is).</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Wraps exactly <see cref="Length"/> bytes.</summary>
    public static Sha256Digest FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"a sha256 digest is {Length} bytes, not {bytes.Length}", nameof(bytes));
        }
        var digest = new DigestBytes();
        bytes.CopyTo(digest);
        return new Sha256Digest(digest);
    }

    /// <summary>Hashes <paramref name="data"/>.</summary>
    public static Sha256Digest Compute(ReadOnlySpan<byte> data)
    {
        var digest = new DigestBytes();
        SHA256.HashData(data, digest);
        return new Sha256Digest(digest);
    }

    // ---- hex -------------------------------------------------------------------------------

    /// <summary>Reads 64 hex digits (either case); throws <see cref="InvalidDigestException"/> otherwise.</summary>
    public static Sha256Digest FromHex(ReadOnlySpan<char> hex)
    {
        var error = ReadHex(hex, out var digest);
        error.ThrowIfFailed(hex);
        return digest;
    }

    public static bool TryParseHex(ReadOnlySpan<char> hex, out Sha256Digest digest) => ReadHex(hex, out digest).Succeeded;

    /// <summary>The 64 lower-case hex digits.</summary>
    public string ToHex() => Convert.ToHexStringLower(_bytes);

    // ---- Nix base-32 ------------------------------------------------------------------------

    /// <summary>Reads the 52 digits of Nix's base-32 form; throws <see cref="InvalidDigestException"/> otherwise.</summary>
    public static Sha256Digest ParseNixBase32(ReadOnlySpan<char> text)
    {
        var error = ReadNixBase32(text, out var digest);
        error.ThrowIfFailed(text);
        return digest;
    }

    public static bool TryParseNixBase32(ReadOnlySpan<char> text, out Sha256Digest digest) =>
        ReadNixBase32(text, out digest).Succeeded;

    /// <summary>The 52-digit Nix base-32 form, as <c>nix-hash --type sha256 --to-base32</c> prints it.</summary>
    public string ToNixBase32() => NixBase32.Encode(_bytes);

    // ---- SRI --------------------------------------------------------------------------------

    /// <summary>Reads <c>sha256-</c> and 44 characters of padded base64; throws <see cref="InvalidDigestException"/> otherwise.</summary>
    public static Sha256Digest ParseSri(ReadOnlySpan<char> text)
    {
        var error = ReadSri(text, out var digest);
        error.ThrowIfFailed(text);
        return digest;
    }

    public static bool TryParseSri(ReadOnlySpan<char> text, out Sha256Digest digest) => ReadSri(text, out digest).Succeeded;

    /// <summary>The SRI form, <c>sha256-</c> and base64, as nixpkgs' <c>hash</c> attributes hold it.</summary>
    public string ToSri() =>
        string.Create(SriPrefix.Length + Base64Length, this, static (destination, digest) =>
        {
            SriPrefix.CopyTo(destination);
            Convert.TryToBase64Chars(digest._bytes, destination[SriPrefix.Length..], out _);
        });

    // ---- algorithm-prefixed hex and URL fragments -------------------------------------------

    /// <summary>
    /// Reads <c>sha256:</c> followed by 64 hex digits, the form of poetry.lock's <c>files</c> and
    /// pip's <c>--hash</c>. Any other algorithm is a failure.
    /// </summary>
    public static bool TryParsePrefixedHex(ReadOnlySpan<char> text, out Sha256Digest digest) =>
        ReadPrefixedHex(text, out digest).Succeeded;

    /// <summary>The <c>sha256:…</c> form.</summary>
    public string ToPrefixedHex() =>
        string.Create(AlgorithmPrefix.Length + HexLength, this, static (destination, digest) =>
        {
            AlgorithmPrefix.CopyTo(destination);
            Convert.TryToHexStringLower(digest._bytes, destination[AlgorithmPrefix.Length..], out _);
        });

    /// <summary>
    /// Reads the PEP 503 hash fragment of a file URL (<c>…/pkg-1.0.tar.gz#sha256=…</c>), or a bare
    /// fragment starting at <c>#</c>. Fails when there is no fragment or it names another algorithm.
    /// </summary>
    public static bool TryParseUrlFragment(ReadOnlySpan<char> urlOrFragment, out Sha256Digest digest)
    {
        var hash = urlOrFragment.IndexOf('#');
        if (hash < 0 || !urlOrFragment[(hash + 1)..].StartsWith(FragmentPrefix, StringComparison.Ordinal))
        {
            digest = default;
            return false;
        }
        return TryParseHex(urlOrFragment[(hash + 1 + FragmentPrefix.Length)..], out digest);
    }

    // ---- any form ---------------------------------------------------------------------------

    /// <summary>
    /// Reads any of the forms: 64 hex digits, 52 Nix base-32 digits, SRI (<c>sha256-…</c>) or
    /// <c>sha256:</c> with hex. Throws <see cref="InvalidDigestException"/>, with the column of
    /// the problem, otherwise.
    /// </summary>
    public static Sha256Digest Parse(ReadOnlySpan<char> text)
    {
        if (text.StartsWith(SriPrefix, StringComparison.Ordinal))
        {
            return ParseSri(text);
        }
        if (text.StartsWith(AlgorithmPrefix, StringComparison.Ordinal))
        {
            var error = ReadPrefixedHex(text, out var prefixed);
            error.ThrowIfFailed(text);
            return prefixed;
        }
        if (text.Length == NixBase32Length)
        {
            return ParseNixBase32(text);
        }
        if (text.Length == HexLength)
        {
            return FromHex(text);
        }
        var colon = text.IndexOfAny(':', '-');
        if (colon > 0)
        {
            throw new InvalidDigestException($"'{text[..colon]}' is not sha256; only sha256 digests are read", 1);
        }
        throw new InvalidDigestException(
            $"expected a sha256 digest: 64 hex digits, 52 Nix base-32 digits, '{SriPrefix}…' or '{AlgorithmPrefix}…'; found {text.Length} characters",
            1);
    }

    public static bool TryParse(ReadOnlySpan<char> text, out Sha256Digest digest)
    {
        if (text.StartsWith(SriPrefix, StringComparison.Ordinal))
        {
            return TryParseSri(text, out digest);
        }
        if (text.StartsWith(AlgorithmPrefix, StringComparison.Ordinal))
        {
            return TryParsePrefixedHex(text, out digest);
        }
        return text.Length == NixBase32Length ? TryParseNixBase32(text, out digest) : TryParseHex(text, out digest);
    }

    // ---- value semantics --------------------------------------------------------------------

    public bool Equals(Sha256Digest other) => Bytes.SequenceEqual(other.Bytes);

    public override bool Equals(object? obj) => obj is Sha256Digest other && Equals(other);

    /// <summary>The first bytes of the digest: they are as well spread as any hash of them.</summary>
    public override int GetHashCode() => BinaryPrimitives.ReadInt32LittleEndian(_bytes);

    /// <summary>The hex form.</summary>
    public override string ToString() => ToHex();

    public static bool operator ==(Sha256Digest left, Sha256Digest right) => left.Equals(right);

    public static bool operator !=(Sha256Digest left, Sha256Digest right) => !left.Equals(right);

    // ---- readers ----------------------------------------------------------------------------

    private static DigestReadResult ReadHex(ReadOnlySpan<char> hex, out Sha256Digest digest)
    {
        digest = default;
        if (hex.Length != HexLength)
        {
            return DigestReadResult.WrongLength(Hex, HexLength, hex.Length);
        }
        // The decoder stops at the first pair that is not two hex digits; the bad one is either of them.
        var bytes = new DigestBytes();
        if (Convert.FromHexString(hex, bytes, out var consumed, out _) != OperationStatus.Done)
        {
            return DigestReadResult.BadCharacter(Hex, char.IsAsciiHexDigit(hex[consumed]) ? consumed + 1 : consumed);
        }
        digest = new Sha256Digest(bytes);
        return DigestReadResult.Success;
    }

    private static DigestReadResult ReadNixBase32(ReadOnlySpan<char> text, out Sha256Digest digest)
    {
        digest = default;
        if (text.Length != NixBase32Length)
        {
            return DigestReadResult.WrongLength(Base32, NixBase32Length, text.Length);
        }
        var bytes = new DigestBytes();
        if (!NixBase32.TryDecode(text, bytes, out var errorIndex))
        {
            return NixBase32.Alphabet.Contains(text[errorIndex], StringComparison.Ordinal)
                ? DigestReadResult.Overflow(Base32, errorIndex)
                : DigestReadResult.BadCharacter(Base32, errorIndex);
        }
        digest = new Sha256Digest(bytes);
        return DigestReadResult.Success;
    }

    private static DigestReadResult ReadSri(ReadOnlySpan<char> text, out Sha256Digest digest)
    {
        digest = default;
        if (!text.StartsWith(SriPrefix, StringComparison.Ordinal))
        {
            return DigestReadResult.MissingPrefix(SriPrefix);
        }
        var base64 = text[SriPrefix.Length..];
        if (base64.Length != Base64Length)
        {
            return DigestReadResult.WrongLength(Base64, Base64Length, base64.Length).At(SriPrefix.Length);
        }
        // 43 digits carry 258 bits; the last '=' pads to a multiple of 4. The two spare bits of
        // the last digit must be zero, or two texts would decode to one digest.
        var data = base64[..^1];
        var invalid = Base64Digits.IndexOfAnyExcept(data);
        if (invalid >= 0)
        {
            return DigestReadResult.BadCharacter(Base64, SriPrefix.Length + invalid);
        }
        if (base64[^1] != '=')
        {
            return DigestReadResult.BadCharacter(Base64, text.Length - 1);
        }
        if ((Base64Value(data[^1]) & 0b11) != 0)
        {
            return DigestReadResult.Overflow(Base64, text.Length - 2);
        }
        var bytes = new DigestBytes();
        Convert.TryFromBase64Chars(base64, bytes, out _);
        digest = new Sha256Digest(bytes);
        return DigestReadResult.Success;
    }

    private static DigestReadResult ReadPrefixedHex(ReadOnlySpan<char> text, out Sha256Digest digest)
    {
        if (!text.StartsWith(AlgorithmPrefix, StringComparison.Ordinal))
        {
            digest = default;
            return DigestReadResult.MissingPrefix(AlgorithmPrefix);
        }
        return ReadHex(text[AlgorithmPrefix.Length..], out digest).At(AlgorithmPrefix.Length);
    }

    private static int Base64Value(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '+' => 62,
        _ => 63,
    };

    [InlineArray(Length)]
    private struct DigestBytes
    {
        private byte _element;
    }
}
