namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// The options pip 23.2.1's requirements-file line parser knows (<c>SUPPORTED_OPTIONS</c> and
/// <c>SUPPORTED_OPTIONS_REQ</c> of <c>req_file.py</c>), by the <c>dest</c> they set.
/// </summary>
internal enum LineOption
{
    IndexUrl,
    ExtraIndexUrls,
    NoIndex,
    Constraints,
    Requirements,
    Editables,
    FindLinks,
    NoBinary,
    OnlyBinary,
    PreferBinary,
    RequireHashes,
    Pre,
    TrustedHosts,
    FeaturesEnabled,
    GlobalOptions,
    Hashes,
    ConfigSettings,
}
