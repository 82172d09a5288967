using Req2Nix.Packaging.Names;

namespace Req2Nix.Resolver.Solving;

/// <summary>Interns <see cref="Identifier"/>s for one solver.</summary>
internal sealed class IdentifierTable
{
    private readonly Dictionary<string, Identifier> _byText = new(StringComparer.Ordinal);

    public IdentifierTable()
    {
        Python = new Identifier(0, Identifier.PythonText, default, [], isPython: true);
        _byText.Add(Python.Text, Python);
    }

    public Identifier Python { get; }

    public Identifier For(PackageName name) => For(name, []);

    public Identifier For(PackageName name, IReadOnlyList<ExtraName> extras)
    {
        var sorted = Normalize(extras);
        var text = sorted.Length == 0 ? name.Value : $"{name.Value}[{string.Join(',', sorted)}]";
        if (!_byText.TryGetValue(text, out var identifier))
        {
            identifier = new Identifier(_byText.Count, text, name, sorted, isPython: false);
            _byText.Add(text, identifier);
        }
        return identifier;
    }

    private static ExtraName[] Normalize(IReadOnlyList<ExtraName> extras)
    {
        if (extras.Count == 0)
        {
            return [];
        }
        var set = new SortedSet<ExtraName>(extras);
        return [.. set];
    }
}
