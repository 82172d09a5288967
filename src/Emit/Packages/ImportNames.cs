using Req2Nix.Packaging.Text;

namespace Req2Nix.Emit.Packages;

/// <summary>
/// The modules <c>pythonImportsCheck</c> imports: the package's top-level names that are plain
/// identifiers, without the test and documentation folders some distributions ship at the top
/// level by mistake (importing them checks nothing and often fails).
/// </summary>
internal static class ImportNames
{
    private static readonly AsciiSet IdentifierCharacters = new("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    private static readonly HashSet<string> NotChecked = new(StringComparer.Ordinal)
    {
        "test", "tests", "testing", "doc", "docs", "example", "examples", "benchmark", "benchmarks", "conftest", "setup",
    };

    public static IReadOnlyList<string> For(IReadOnlyList<string>? topLevelModules)
    {
        if (topLevelModules is null)
        {
            return [];
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var name in topLevelModules)
        {
            if (IsCheckable(name) && seen.Add(name))
            {
                names.Add(name);
            }
        }
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private static bool IsCheckable(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && !IdentifierCharacters.ContainsAnyExcept(name)
        && !NotChecked.Contains(name);
}
