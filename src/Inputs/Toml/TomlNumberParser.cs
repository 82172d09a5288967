using System.Globalization;
using System.Text;

namespace Req2Nix.Inputs.Toml;

/// <summary>
/// Integers and floats from an unquoted token (<c>-1_000</c>, <c>0xdead_beef</c>, <c>6.02e23</c>,
/// <c>-inf</c>), strictly by the TOML 1.0 grammar: underscores only between digits, no leading
/// zeros, prefixes only in lower case and without a sign, integers within 64 bits.
/// </summary>
internal static class TomlNumberParser
{
    private const NumberStyles FloatStyle =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>The longest float token copied to the stack to drop its underscores.</summary>
    private const int StackBufferLimit = 128;

    public static TomlValue Parse(ReadOnlySpan<byte> token, TomlPosition position)
    {
        var signLength = token[0] is (byte)'+' or (byte)'-' ? 1 : 0;
        var negative = token[0] == '-';
        var body = token[signLength..];
        if (body.SequenceEqual("inf"u8))
        {
            return new TomlFloat(negative ? double.NegativeInfinity : double.PositiveInfinity, position);
        }
        if (body.SequenceEqual("nan"u8))
        {
            return new TomlFloat(double.NaN, position);
        }
        if (body.IsEmpty || !TomlSyntax.IsDigit(body[0]))
        {
            var hint = body.IsEmpty || TomlSyntax.IsDigit(body[0]) || body[0] is (byte)'_' or (byte)'.'
                ? ""
                : " (a string must be in quotes; booleans are 'true' and 'false')";
            throw Invalid(token, "value", hint, position);
        }
        if (body.Length > 1 && body[0] == '0' && body[1] is (byte)'x' or (byte)'o' or (byte)'b')
        {
            if (signLength > 0)
            {
                throw Invalid(token, "integer", ": hexadecimal, octal and binary integers take no sign", position);
            }
            return new TomlInteger(ParseRadix(token, body, position), position);
        }
        return ParseDecimal(token, signLength, negative, position);
    }

    private static TomlValue ParseDecimal(ReadOnlySpan<byte> token, int signLength, bool negative, TomlPosition position)
    {
        var i = signLength;
        var integerDigits = ReadDigits(token, ref i, 10, position);
        if (integerDigits > 1 && token[signLength] == '0')
        {
            throw Invalid(token, "number", ": leading zeros are not allowed", position);
        }
        var isFloat = false;
        if (i < token.Length && token[i] == '.')
        {
            i++;
            if (i == token.Length || !TomlSyntax.IsDigit(token[i]))
            {
                throw Invalid(token, "float", ": a decimal point must have digits on both sides", position);
            }
            ReadDigits(token, ref i, 10, position);
            isFloat = true;
        }
        if (i < token.Length && token[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < token.Length && token[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }
            if (i == token.Length || !TomlSyntax.IsDigit(token[i]))
            {
                throw Invalid(token, "float", ": the exponent has no digits", position);
            }
            ReadDigits(token, ref i, 10, position);
            isFloat = true;
        }
        if (i != token.Length)
        {
            throw Invalid(token, "number", "", position);
        }
        return isFloat
            ? new TomlFloat(ToDouble(token, position), position)
            : new TomlInteger(ToInt64(token[signLength..], 10, negative, token, position), position);
    }

    private static long ParseRadix(ReadOnlySpan<byte> token, ReadOnlySpan<byte> body, TomlPosition position)
    {
        var radix = body[1] switch
        {
            (byte)'x' => 16,
            (byte)'o' => 8,
            _ => 2,
        };
        var digits = body[2..];
        var i = 0;
        if (digits.IsEmpty || DigitValue(digits[0]) >= radix)
        {
            throw Invalid(token, "integer", $": '0{(char)body[1]}' must be followed by base-{radix} digits", position);
        }
        ReadDigits(digits, ref i, radix, position, token);
        if (i != digits.Length)
        {
            throw Invalid(token, "integer", $": '{(char)digits[i]}' is not a base-{radix} digit", position);
        }
        return ToInt64(digits, radix, negative: false, token, position);
    }

    /// <summary>A run of digits with single underscores between them; returns how many digits.</summary>
    private static int ReadDigits(
        ReadOnlySpan<byte> text, ref int i, int radix, TomlPosition position, ReadOnlySpan<byte> token = default)
    {
        var count = 0;
        while (i < text.Length)
        {
            var b = text[i];
            if (b == '_')
            {
                if (count == 0 || i + 1 == text.Length || DigitValue(text[i + 1]) >= radix)
                {
                    throw Invalid(token.IsEmpty ? text : token, "number", ": an underscore must sit between two digits", position);
                }
                i++;
                continue;
            }
            if (DigitValue(b) >= radix)
            {
                break;
            }
            count++;
            i++;
        }
        return count;
    }

    private static long ToInt64(ReadOnlySpan<byte> digits, int radix, bool negative, ReadOnlySpan<byte> token, TomlPosition position)
    {
        var limit = negative ? 1UL << 63 : long.MaxValue;
        var value = 0UL;
        foreach (var b in digits)
        {
            if (b == '_')
            {
                continue;
            }
            var digit = (uint)DigitValue(b);
            if (value > (limit - digit) / (uint)radix)
            {
                throw Invalid(token, "integer", ": it does not fit in 64 bits", position);
            }
            value = (value * (uint)radix) + digit;
        }
        return negative ? unchecked(-(long)value) : (long)value;
    }

    private static double ToDouble(ReadOnlySpan<byte> token, TomlPosition position)
    {
        var buffer = token.Length <= StackBufferLimit ? stackalloc byte[token.Length] : new byte[token.Length];
        var length = 0;
        foreach (var b in token)
        {
            if (b != '_')
            {
                buffer[length++] = b;
            }
        }
        return double.TryParse(buffer[..length], FloatStyle, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(token, "float", "", position);
    }

    /// <summary>0–35 for 0-9, a-z, A-Z; 36 for anything else (never a digit in any radix used here).</summary>
    private static int DigitValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'z' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'Z' => b - 'A' + 10,
        _ => 36,
    };

    private static TomlException Invalid(ReadOnlySpan<byte> token, string what, string detail, TomlPosition position)
    {
        const int Shown = 40;
        var text = Encoding.UTF8.GetString(token.Length > Shown ? token[..Shown] : token);
        var ellipsis = token.Length > Shown ? "…" : "";
        return new TomlException($"invalid {what} '{text}{ellipsis}'{detail}", position);
    }
}
