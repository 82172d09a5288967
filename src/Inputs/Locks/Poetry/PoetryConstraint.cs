using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>
/// A version constraint in Poetry's syntax (<c>^1.2</c>, <c>~1.2.3</c>, <c>&gt;=1,&lt;2</c>,
/// <c>1.2.*</c>, <c>^1 || ^2</c>), converted to PEP 440: one <see cref="SpecifierSet"/> per
/// <c>||</c> alternative, any of which may hold. Parsing follows poetry-core's
/// <c>parse_constraint</c>; the conversion keeps its meaning (<c>^1.2.3</c> is
/// <c>&gt;=1.2.3,&lt;2.0.0</c>).
/// </summary>
public sealed class PoetryConstraint
{
    internal PoetryConstraint(string text, IReadOnlyList<SpecifierSet> alternatives)
    {
        Text = text;
        Alternatives = alternatives;
    }

    /// <summary><c>*</c>: every version.</summary>
    public static PoetryConstraint Any { get; } = new("*", [SpecifierSet.Empty]);

    /// <summary>The constraint as written.</summary>
    public string Text { get; }

    /// <summary>The alternatives, at least one; a version is allowed when one of them contains it.</summary>
    public IReadOnlyList<SpecifierSet> Alternatives { get; }

    public bool IsAny => Alternatives.Count == 1 && Alternatives[0].Count == 0;

    /// <summary>Parses Poetry's syntax; throws <see cref="PoetryConstraintException"/> (with a column) when it is not valid.</summary>
    public static PoetryConstraint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PoetryConstraintParser.Parse(text);
    }

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PoetryConstraint? constraint)
    {
        constraint = null;
        if (text is null)
        {
            return false;
        }
        try
        {
            constraint = PoetryConstraintParser.Parse(text);
            return true;
        }
        catch (PoetryConstraintException)
        {
            return false;
        }
    }

    /// <summary>Whether one of the alternatives contains <paramref name="version"/>; a locked pre-release counts as any version.</summary>
    public bool Contains(Pep440Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        foreach (var alternative in Alternatives)
        {
            if (alternative.Contains(version, prereleases: true))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The constraint as one PEP 440 specifier set, when one says exactly the same: a single
    /// alternative, or alternatives that join into one range with only single versions
    /// (<c>!=1.5</c>) or whole release series (<c>!=2.*</c>) left out, as Poetry writes them.
    /// Otherwise (<c>&lt;1.5 || &gt;=2.0</c>) false, with the reason.
    /// </summary>
    public bool TryGetSpecifierSet(
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SpecifierSet? set,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? reason) =>
        PoetryConstraintUnion.TryJoin(Alternatives, out set, out reason);

    /// <summary>The PEP 440 alternatives joined with <c> || </c>.</summary>
    public override string ToString() => string.Join(" || ", Alternatives.Select(a => a.Count == 0 ? "*" : a.ToString()));
}
