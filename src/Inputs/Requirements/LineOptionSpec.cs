namespace Req2Nix.Inputs.Requirements;

/// <summary>How one of pip's requirements-file options is spelled and whether it takes a value.</summary>
internal sealed record LineOptionSpec(LineOption Option, string LongName, char? ShortName, bool TakesValue, string[]? Choices = null)
{
    /// <summary>pip 23.2.1's table; <c>--pypi-url</c> is an old spelling of <c>--index-url</c>.</summary>
    public static IReadOnlyList<LineOptionSpec> All { get; } =
    [
        new(LineOption.IndexUrl, "--index-url", 'i', TakesValue: true),
        new(LineOption.IndexUrl, "--pypi-url", null, TakesValue: true),
        new(LineOption.ExtraIndexUrls, "--extra-index-url", null, TakesValue: true),
        new(LineOption.NoIndex, "--no-index", null, TakesValue: false),
        new(LineOption.Constraints, "--constraint", 'c', TakesValue: true),
        new(LineOption.Requirements, "--requirement", 'r', TakesValue: true),
        new(LineOption.Editables, "--editable", 'e', TakesValue: true),
        new(LineOption.FindLinks, "--find-links", 'f', TakesValue: true),
        new(LineOption.NoBinary, "--no-binary", null, TakesValue: true),
        new(LineOption.OnlyBinary, "--only-binary", null, TakesValue: true),
        new(LineOption.PreferBinary, "--prefer-binary", null, TakesValue: false),
        new(LineOption.RequireHashes, "--require-hashes", null, TakesValue: false),
        new(LineOption.Pre, "--pre", null, TakesValue: false),
        new(LineOption.TrustedHosts, "--trusted-host", null, TakesValue: true),
        new(LineOption.FeaturesEnabled, "--use-feature", null, TakesValue: true, ["fast-deps", "truststore", "no-binary-enable-wheel-cache"]),
        new(LineOption.GlobalOptions, "--global-option", null, TakesValue: true),
        new(LineOption.Hashes, "--hash", null, TakesValue: true),
        new(LineOption.ConfigSettings, "--config-settings", 'C', TakesValue: true),
    ];

    /// <summary>The long names, sorted, for optparse's unambiguous-prefix matching.</summary>
    public static IReadOnlyList<LineOptionSpec> ByLongName { get; } = [.. All.OrderBy(spec => spec.LongName, StringComparer.Ordinal)];

    public static LineOptionSpec? FindShort(char name)
    {
        foreach (var spec in All)
        {
            if (spec.ShortName == name)
            {
                return spec;
            }
        }
        return null;
    }
}
