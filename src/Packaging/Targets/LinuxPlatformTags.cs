namespace Req2Nix.Packaging.Targets;

/// <summary>
/// The Linux platform tags a glibc-based system accepts, best first, as pip orders them:
/// <c>manylinux_2_Y_{arch}</c> from the system's glibc down to the oldest the architecture has,
/// each legacy alias (<c>manylinux2014</c> = 2.17, <c>manylinux2010</c> = 2.12,
/// <c>manylinux1</c> = 2.5) right after its <c>manylinux_2_Y</c>. nixpkgs links against glibc,
/// so <c>musllinux</c> never applies; nor does the unportable <c>linux_{arch}</c> of local builds.
/// </summary>
internal static class LinuxPlatformTags
{
    public static IEnumerable<string> For(string architecture, PlatformVersion glibc)
    {
        if (glibc.Major != 2)
        {
            throw new ArgumentOutOfRangeException(nameof(glibc), glibc, "manylinux tags exist for glibc 2.x only");
        }
        // The first manylinux standards covered x86 from glibc 2.5; other architectures start at 2.17.
        var oldestMinor = architecture is "x86_64" or "i686" ? 5 : 17;
        for (var minor = glibc.Minor; minor >= oldestMinor; minor--)
        {
            yield return $"manylinux_2_{minor}_{architecture}";
            var legacy = minor switch
            {
                17 => "manylinux2014",
                12 => "manylinux2010",
                5 => "manylinux1",
                _ => null,
            };
            if (legacy is not null)
            {
                yield return $"{legacy}_{architecture}";
            }
        }
    }
}
