using Req2Nix.Packaging.Names;

namespace Req2Nix.Resolver;

/// <summary>
/// pip's <c>--no-binary</c> / <c>--only-binary</c>: which kinds of file make a version available.
/// Each set holds normalized project names or <c>:all:</c>; a named project wins over <c>:all:</c>,
/// and <c>--only-binary</c> wins over <c>--no-binary</c> for the same name, as in pip.
/// </summary>
public sealed record FormatControl(IReadOnlySet<string> NoBinary, IReadOnlySet<string> OnlyBinary)
{
    public const string AllProjects = ":all:";

    public static FormatControl Any { get; } = new(new HashSet<string>(), new HashSet<string>());

    public bool AllowsWheels(PackageName name) => !ExcludesWheels(name.ToString());

    public bool AllowsSdists(PackageName name) => !ExcludesSdists(name.ToString());

    private bool ExcludesSdists(string name) =>
        OnlyBinary.Contains(name) || (!NoBinary.Contains(name) && OnlyBinary.Contains(AllProjects));

    private bool ExcludesWheels(string name) =>
        !OnlyBinary.Contains(name)
        && (NoBinary.Contains(name) || (!OnlyBinary.Contains(AllProjects) && NoBinary.Contains(AllProjects)));
}
