using Req2Nix.Packaging.Names;

namespace Req2Nix.Resolver.Solving;

/// <summary>
/// What the solver pins one candidate for (pip's identifier): a project (<c>requests</c>), a
/// project with extras (<c>requests[security,socks]</c>, its own node that depends on the plain
/// project at the same version), or the interpreter (<c>&lt;Python from Requires-Python&gt;</c>).
/// Interned per solver by <see cref="IdentifierTable"/>, so instances compare by reference.
/// </summary>
internal sealed class Identifier : IIndexedKey
{
    /// <summary>pip's name for the interpreter node; it cannot clash with a project name.</summary>
    public const string PythonText = "<Python from Requires-Python>";

    internal Identifier(int index, string text, PackageName name, ExtraName[] extras, bool isPython)
    {
        Index = index;
        Text = text;
        Name = name;
        Extras = extras;
        IsPython = isPython;
    }

    /// <summary><c>name</c> or <c>name[extra1,extra2]</c> (extras normalized and sorted), as pip spells it.</summary>
    public string Text { get; }

    public PackageName Name { get; }

    /// <summary>The extras, normalized, distinct and sorted; empty for a plain project.</summary>
    public IReadOnlyList<ExtraName> Extras { get; }

    public bool HasExtras => Extras.Count > 0;

    public bool IsPython { get; }

    /// <summary>The order in which the solver's table made it, from 0: the solver's maps are indexed by it.</summary>
    public int Index { get; }

    public override string ToString() => Text;
}
