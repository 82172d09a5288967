using System.Text;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// Python codec names, as a PEP 263 <c># -*- coding: name -*-</c> line writes them, mapped to .NET
/// encodings that throw on bytes the codec rejects (Python decodes with <c>errors="strict"</c>).
/// Names are matched as <c>codecs.lookup</c> does: case-insensitively, with runs of characters other
/// than letters, digits and <c>.</c> read as <c>_</c>.
/// </summary>
internal static class PythonCodecs
{
    private static readonly Dictionary<string, Func<Encoding>> Known = BuildTable();

    /// <summary>The encoding Python's <paramref name="codecName"/> names, or null when there is none here.</summary>
    public static Encoding? Find(string codecName)
    {
        var normalized = Normalize(codecName);
        if (Known.TryGetValue(normalized, out var factory))
        {
            return factory();
        }
        return FindCodePage(normalized);
    }

    /// <summary>Python's <c>encodings.normalize_encoding</c>, lower-cased.</summary>
    private static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        var pendingSeparator = false;
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '.')
            {
                if (pendingSeparator && builder.Length > 0)
                {
                    builder.Append('_');
                }
                pendingSeparator = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSeparator = true;
            }
        }
        return builder.ToString();
    }

    /// <summary>Single-byte and East Asian code pages Python knows by <c>cpNNN</c>, <c>iso8859_N</c>, <c>koi8_r</c> and similar names.</summary>
    private static Encoding? FindCodePage(string normalized)
    {
        string? dotnetName = null;
        if (normalized.StartsWith("cp", StringComparison.Ordinal) && int.TryParse(normalized.AsSpan(2), out var page)
            || normalized.StartsWith("windows_", StringComparison.Ordinal) && int.TryParse(normalized.AsSpan(8), out page))
        {
            return CodePage(page);
        }
        if (normalized.StartsWith("iso8859_", StringComparison.Ordinal) || normalized.StartsWith("iso_8859_", StringComparison.Ordinal))
        {
            dotnetName = "iso-8859-" + normalized[(normalized.LastIndexOf('_') + 1)..];
        }
        dotnetName ??= normalized switch
        {
            "koi8_r" => "koi8-r",
            "koi8_u" => "koi8-u",
            "shift_jis" or "sjis" or "s_jis" => "shift_jis",
            "euc_jp" or "eucjp" => "euc-jp",
            "euc_kr" or "euckr" => "euc-kr",
            "gb2312" => "gb2312",
            "gbk" => "gbk",
            "big5" => "big5",
            _ => null,
        };
        return dotnetName is null ? null : Named(dotnetName);
    }

    private static Encoding? CodePage(int page)
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(page, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Encoding? Named(string name)
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
                ?? Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Dictionary<string, Func<Encoding>> BuildTable()
    {
        var table = new Dictionary<string, Func<Encoding>>(StringComparer.Ordinal);
        Add(table, StrictEncodings.Utf8, "utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001", "utf_8_sig");
        Add(table, () => Encoding.Latin1, "latin_1", "latin1", "latin", "l1", "iso8859_1", "iso_8859_1", "8859", "cp819", "iso_ir_100", "csisolatin1", "iso_8859_1_1987");
        Add(table, StrictEncodings.Ascii, "ascii", "us_ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367", "csascii", "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us");
        Add(table, () => StrictEncodings.Utf16(bigEndian: false), "utf_16", "utf16", "u16", "utf_16_le", "utf_16le", "unicodelittleunmarked");
        Add(table, () => StrictEncodings.Utf16(bigEndian: true), "utf_16_be", "utf_16be", "unicodebigunmarked");
        Add(table, () => StrictEncodings.Utf32(bigEndian: false), "utf_32", "utf32", "u32", "utf_32_le", "utf_32le");
        Add(table, () => StrictEncodings.Utf32(bigEndian: true), "utf_32_be", "utf_32be");
        return table;
    }

    private static void Add(Dictionary<string, Func<Encoding>> table, Func<Encoding> factory, params string[] names)
    {
        foreach (var name in names)
        {
            table[name] = factory;
        }
    }
}
