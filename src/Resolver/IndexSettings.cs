namespace Req2Nix.Resolver;

/// <summary>Where distributions are looked up and which of them count, as pip's index options set it.</summary>
public sealed record IndexSettings
{
    public static Uri PyPISimpleUrl { get; } = new("https://pypi.org/simple/");

    public static IndexSettings PyPI { get; } = new();

    public Uri IndexUrl { get; init; } = PyPISimpleUrl;

    public IReadOnlyList<Uri> ExtraIndexUrls { get; init; } = [];

    /// <summary><c>--no-index</c>: only <see cref="FindLinks"/> and direct sources.</summary>
    public bool NoIndex { get; init; }

    public IReadOnlyList<string> FindLinks { get; init; } = [];

    public IReadOnlyList<string> TrustedHosts { get; init; } = [];

    /// <summary><c>--pre</c>: pre-releases are candidates like final releases.</summary>
    public bool AllowPreReleases { get; init; }

    public bool PreferBinary { get; init; }

    public FormatControl Formats { get; init; } = FormatControl.Any;
}
