using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Resolver.Releases;

/// <summary>
/// Reads the Requires-Python texts of one listing, each distinct text once: the files of a project
/// repeat a handful of them, and the one <see cref="SpecifierSet"/> per text lets a system's
/// check be made once per text too.
/// </summary>
internal sealed class RequiresPythonTexts
{
    private readonly Dictionary<string, SpecifierSet?> _read = new(StringComparer.Ordinal);
    private string? _lastText;
    private SpecifierSet? _lastRead;

    /// <summary>The specifier; null when there is none, or one that does not parse (pip then ignores it and the file stays a candidate).</summary>
    public SpecifierSet? Parse(string? text)
    {
        if (text is not { Length: > 0 })
        {
            return null;
        }
        if (ReferenceEquals(text, _lastText))
        {
            return _lastRead;
        }
        if (!_read.TryGetValue(text, out var specifier))
        {
            specifier = SpecifierSet.TryParse(text, out var parsed, out _) ? parsed : null;
            _read.Add(text, specifier);
        }
        _lastText = text;
        _lastRead = specifier;
        return specifier;
    }
}
