using System.Text;

namespace Req2Nix.Emit.Nix;

/// <summary>
/// Nix identifiers (<c>[a-zA-Z_][a-zA-Z0-9_'-]*</c>, not a keyword) and the attribute names
/// built from them: bare when the name is an identifier, a quoted string otherwise
/// (<c>requests</c>, but <c>"3to2"</c>, <c>"zope.interface"</c>, <c>"or"</c>).
/// </summary>
public static class NixIdentifier
{
    private static readonly string[] KeywordList = ["if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or"];

    /// <summary>Nix's keywords; <c>or</c> is one only in some positions, but a bare <c>or</c> attribute is asking for trouble.</summary>
    public static IReadOnlyList<string> Keywords => KeywordList;

    /// <summary>True when <paramref name="name"/> can be written bare, as a variable or attribute name.</summary>
    public static bool IsValid(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }
        foreach (var c in name[1..])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '\'' or '-'))
            {
                return false;
            }
        }
        return !IsKeyword(name);
    }

    /// <summary>The attribute name as it must be written: bare when valid, else a quoted string.</summary>
    public static string AttrName(string name) => IsValid(name) ? name : NixString.Quote(name);

    /// <summary>Appends <see cref="AttrName"/> of <paramref name="name"/> without building it first.</summary>
    public static void AppendAttrName(StringBuilder builder, string name)
    {
        if (IsValid(name))
        {
            builder.Append(name);
        }
        else
        {
            NixString.AppendQuoted(builder, name);
        }
    }

    private static bool IsKeyword(ReadOnlySpan<char> name)
    {
        // The array itself: every attribute name written is tested, and a list's enumerator is an object.
        foreach (var keyword in KeywordList)
        {
            if (name.SequenceEqual(keyword))
            {
                return true;
            }
        }
        return false;
    }
}
