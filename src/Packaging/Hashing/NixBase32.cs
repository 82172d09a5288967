namespace Req2Nix.Packaging.Hashing;

/// <summary>
/// Nix's base-32 encoding of hashes, as <c>nix-hash --to-base32</c> prints them. It differs from
/// RFC 4648 twice: the alphabet omits <c>e o t u</c>, and the text is written from the last
/// 5-bit group to the first, each group taken from the bytes read as one little-endian number.
/// </summary>
public static class NixBase32
{
    /// <summary>The digits in order of their value.</summary>
    public const string Alphabet = "0123456789abcdfghijklmnpqrsvwxyz";

    private static readonly sbyte[] DigitValues = BuildDigitValues();

    /// <summary>The number of digits that encode <paramref name="byteCount"/> bytes (52 for sha256).</summary>
    public static int EncodedLength(int byteCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(byteCount);
        return ((byteCount * 8) - 1) / 5 + 1;
    }

    /// <summary>Writes the encoding of <paramref name="bytes"/> to <paramref name="destination"/>, which must be exactly <see cref="EncodedLength"/> long.</summary>
    public static void Encode(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        var length = EncodedLength(bytes.Length);
        if (destination.Length != length)
        {
            throw new ArgumentException($"the destination must hold exactly {length} characters", nameof(destination));
        }
        for (var digit = 0; digit < length; digit++)
        {
            var bit = (length - 1 - digit) * 5;
            var index = bit / 8;
            var shift = bit % 8;
            var value = bytes[index] >> shift;
            if (index + 1 < bytes.Length)
            {
                value |= bytes[index + 1] << (8 - shift);
            }
            destination[digit] = Alphabet[value & 0x1f];
        }
    }

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var length = EncodedLength(bytes.Length);
        Span<char> text = length <= 128 ? stackalloc char[length] : new char[length];
        Encode(bytes, text);
        return new string(text);
    }

    /// <summary>
    /// Decodes <paramref name="text"/> into <paramref name="destination"/>, whose length sets how
    /// many digits are expected. Fails on a wrong length, a character outside the alphabet, or a
    /// first digit whose high bits do not fit (the encoding has a few bits more than the bytes).
    /// </summary>
    /// <param name="errorIndex">On failure, the zero-based index of the offending character, or the text's length when the length is wrong.</param>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int errorIndex)
    {
        if (text.Length != EncodedLength(destination.Length))
        {
            errorIndex = text.Length;
            return false;
        }
        destination.Clear();
        for (var position = 0; position < text.Length; position++)
        {
            var c = text[position];
            var value = c < DigitValues.Length ? DigitValues[c] : -1;
            if (value < 0)
            {
                errorIndex = position;
                return false;
            }
            var bit = (text.Length - 1 - position) * 5;
            var index = bit / 8;
            var shift = bit % 8;
            destination[index] |= (byte)(value << shift);
            var carry = value >> (8 - shift);
            if (index + 1 < destination.Length)
            {
                destination[index + 1] |= (byte)carry;
            }
            else if (carry != 0)
            {
                errorIndex = position;
                return false;
            }
        }
        errorIndex = -1;
        return true;
    }

    private static sbyte[] BuildDigitValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }
        return values;
    }
}
