using Req2Nix.Packaging.Names;

namespace Req2Nix.PyPI.Metadata;

/// <summary>
/// setuptools' <c>*.egg-info/requires.txt</c>, the dependencies of an sdist whose PKG-INFO predates
/// Requires-Dist: requirement lines, then sections <c>[extra]</c>, <c>[extra:marker]</c> or
/// <c>[:marker]</c> whose lines apply with that extra and/or marker. Converted to PEP 508
/// Requires-Dist strings (<c>req ; (marker) and extra == "name"</c>) and the extras it declares.
/// </summary>
public sealed class EggInfoRequires
{
    private EggInfoRequires(IReadOnlyList<string> requiresDist, IReadOnlyList<string> providesExtra)
    {
        RequiresDist = requiresDist;
        ProvidesExtra = providesExtra;
    }

    public IReadOnlyList<string> RequiresDist { get; }

    public IReadOnlyList<string> ProvidesExtra { get; }

    public static EggInfoRequires Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var requiresDist = new List<string>();
        var providesExtra = new List<string>();
        string? extra = null;
        string? marker = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            if (line[0] == '[' && line[^1] == ']')
            {
                var section = line[1..^1].Trim();
                var colon = section.IndexOf(':', StringComparison.Ordinal);
                extra = (colon < 0 ? section : section[..colon]).Trim();
                marker = colon < 0 ? null : section[(colon + 1)..].Trim();
                extra = extra.Length == 0 ? null : extra;
                marker = string.IsNullOrEmpty(marker) ? null : marker;
                if (extra is not null && !providesExtra.Exists(e => ExtraName.Normalize(e) == ExtraName.Normalize(extra)))
                {
                    providesExtra.Add(extra);
                }
                continue;
            }
            requiresDist.Add(Compose(line, marker, extra));
        }
        return new EggInfoRequires(requiresDist, providesExtra);
    }

    private static string Compose(string requirement, string? sectionMarker, string? extra)
    {
        var semicolon = requirement.IndexOf(';', StringComparison.Ordinal);
        var ownMarker = semicolon < 0 ? null : requirement[(semicolon + 1)..].Trim();
        var body = semicolon < 0 ? requirement : requirement[..semicolon].TrimEnd();
        var clauses = new List<string>(3);
        if (!string.IsNullOrEmpty(ownMarker))
        {
            clauses.Add($"({ownMarker})");
        }
        if (sectionMarker is not null)
        {
            clauses.Add($"({sectionMarker})");
        }
        if (extra is not null)
        {
            clauses.Add($"extra == \"{extra}\"");
        }
        return clauses.Count == 0 ? body : $"{body} ; {string.Join(" and ", clauses)}";
    }
}
